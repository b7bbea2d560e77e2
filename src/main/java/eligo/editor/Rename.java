package eligo.editor;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.Token;

/**
 * Rename: every place {@link References} finds, its declaration included, written anew; refused
 * with a reason where the new text would not be a name or could change what a rule means: a
 * keyword, a built-in, or a word already written in a criteria file of the folder (the renamed uses
 * could then mean it, or an existing use mean the renamed declaration).
 */
public final class Rename {
  private Rename() {}

  /** The places to write the new name over, or why the rename is refused (then no places). */
  public record Plan(List<SourceLocation> places, String refused) {
    static Plan refused(String why) {
      return new Plan(List.of(), why);
    }
  }

  private static final Pattern NAME =
      Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*(-[a-zA-Z][a-zA-Z0-9_]*)*");

  static Plan of(Workspace workspace, Path file, int line, int column, String name) {
    List<SourceLocation> places = References.of(workspace, file, line, column, true);
    if (places.isEmpty()) {
      return Plan.refused("there is no declared name here to rename");
    }
    if (name == null || !NAME.matcher(name).matches()) {
      return Plan.refused(
          "'"
              + name
              + "' is not a name: letters, digits and '_', starting with a letter or '_'"
              + " ('-' between words)");
    }
    if (SourceTokens.keywords().contains(name)) {
      return Plan.refused("'" + name + "' is a keyword of the language");
    }
    if (Builtins.describe(name) != null) {
      return Plan.refused(
          "'" + name + "' is built in (" + firstLine(Builtins.describe(name)) + ")");
    }
    // the new name written nowhere in the folder: no use of it changes meaning, none of the
    // renamed uses meets another declaration of it
    for (String f : workspace.criteriaTexts(Workspace.normal(file).getParent()).keySet()) {
      SourceTokens tokens = new SourceTokens(workspace.source(Path.of(f)));
      List<Token> seen = tokens.words(name);
      if (!seen.isEmpty()) {
        return Plan.refused(
            "'"
                + name
                + "' is written already at "
                + Path.of(f).getFileName()
                + ":"
                + seen.get(0).getLine()
                + ": renamed, the two would be one name");
      }
    }
    return new Plan(places, null);
  }

  private static String firstLine(String markdown) {
    String s = markdown.replace("*", "").replace("`", "");
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
