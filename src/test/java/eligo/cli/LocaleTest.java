package eligo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What Eligo prints does not depend on the JVM's locale: months and counts in ASCII digits under
 * Arabic, {@code i} in JSON keys under Turkish, the same bytes as under English.
 */
class LocaleTest {
  private static String run(Locale locale, String... args) {
    Locale before = Locale.getDefault();
    Locale.setDefault(locale);
    try {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
      return code + "\n" + out + "\n" + err;
    } finally {
      Locale.setDefault(before);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ar-EG", "tr-TR", "fa-IR", "hi-IN-u-nu-deva"})
  void outputsEqualThoseUnderEnglish(String tag) {
    Locale locale = Locale.forLanguageTag(tag);
    String[][] commands = {
      {"test", "--criteria", "criteria"},
      {
        "explain",
        "C0000007",
        "--criteria",
        "criteria",
        "--data",
        "examples/sample-data",
        "--format",
        "json"
      },
      {"summary", "--criteria", "criteria", "--data", "examples/sample-data", "--area", "azure"},
      {"check", "--criteria", "criteria"},
    };
    for (String[] command : commands) {
      String english = run(Locale.US, command);
      assertThat(english).startsWith("0\n");
      assertThat(run(locale, command))
          .as(String.join(" ", command) + " under " + tag)
          .isEqualTo(english);
    }
  }
}
