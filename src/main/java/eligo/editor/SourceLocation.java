package eligo.editor;

import java.nio.file.Path;

/** A place in a file, e.g. where a name is defined. */
public record SourceLocation(Path file, TextRange range) {}
