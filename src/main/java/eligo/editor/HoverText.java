package eligo.editor;

/** What a hover shows: Markdown, and the range of the word it is about. */
public record HoverText(String markdown, TextRange range) {}
