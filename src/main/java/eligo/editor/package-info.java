/**
 * The language service: what an editor asks of the criteria language (diagnostics for a set of open
 * files, formatting, document symbols, definition, hover, completion), answered in plain records
 * with 1-based lines and columns and no protocol types. Used by the language server ({@code
 * eligo.lsp}) and {@code eligo check --format json}; composes {@code eligo.lang}, {@code
 * eligo.check} (through {@code Frontend}) and {@code eligo.cases}.
 */
package eligo.editor;
