package eligo.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** A failure is one line on standard error, never the stack traces Spark's messages hold. */
class ReportTest {
  @Test
  void aFailureIsOneLine() {
    StringWriter err = new StringWriter();
    IllegalStateException e =
        new IllegalStateException(
            "Cannot call methods on a stopped SparkContext.\n"
                + "This stopped SparkContext was created at:\n\n"
                + "org.apache.spark.sql.SparkSession$Builder.getOrCreate(SparkSession.scala:923)\n"
                + "eligo.spark.Main.session(Main.java:266)\n");
    assertThat(Main.report(e, new PrintWriter(err, true))).isEqualTo(Main.FAILURE);
    assertThat(err.toString())
        .isEqualTo(
            "eligo-spark: java.lang.IllegalStateException: Cannot call methods on a stopped"
                + " SparkContext.\n");
  }
}
