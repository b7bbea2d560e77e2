/**
 * The language server ({@code eligo lsp}): the Language Server Protocol over stdio with Eclipse
 * LSP4J, a thin front door over {@code eligo.editor.LanguageService}.
 */
package eligo.lsp;
