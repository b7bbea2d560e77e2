package eligo.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's baseline: the six solution areas of CRITERIA.md written by hand in DuckDB SQL
 * ({@code eligo/bench/duckdb/eligo.sql}), run by an in-memory DuckDB on all cores (its default),
 * from the five CSV files of a dataset folder to the canonical results file. Arguments: DATA_FOLDER
 * RESULTS_FILE; the system property {@code eligo.bench.duckdb.memory} (e.g. {@code 8GB}) sets
 * DuckDB's memory limit, else DuckDB's default (80% of the memory) holds. It prints the time the
 * SQL took, from the first read_csv to the results file written, and the settings. bin/bench times
 * it beside {@code eligo run}; DuckDbBaselineTest checks that it writes the same bytes.
 */
public final class DuckDbBaseline {
  private DuckDbBaseline() {}

  static final String SQL = "/eligo/bench/duckdb/eligo.sql";

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: DuckDbBaseline DATA_FOLDER RESULTS_FILE");
      System.exit(2);
    }
    List<String> statements = statements(Path.of(args[0]), Path.of(args[1]));
    long start = System.nanoTime();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      String memory = System.getProperty("eligo.bench.duckdb.memory", "");
      if (!memory.isEmpty()) {
        try (Statement s = c.createStatement()) {
          s.execute("SET memory_limit = '" + memory.replace("'", "''") + "'");
        }
      }
      String threads = setting(c, "threads");
      String limit = setting(c, "memory_limit");
      long connected = System.nanoTime();
      run(c, statements);
      long done = System.nanoTime();
      // bin/bench reads this line
      System.out.printf(
          Locale.ROOT,
          "duckdb %s: SQL %d ms (from the first read_csv to the results file written; connect %d"
              + " ms before it), %s threads, memory limit %s%n",
          version(c),
          (done - connected) / 1_000_000,
          (connected - start) / 1_000_000,
          threads,
          limit);
    }
  }

  private static String setting(Connection c, String name) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT current_setting('" + name + "')")) {
      r.next();
      return r.getString(1);
    }
  }

  private static String version(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT version()")) {
      r.next();
      return r.getString(1);
    }
  }

  /** Runs the SQL on the dataset in {@code data}, writing the results file {@code results}. */
  public static void run(Path data, Path results) throws IOException, SQLException {
    List<String> statements = statements(data, results);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      run(c, statements);
    }
  }

  private static void run(Connection c, List<String> statements) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String statement : statements) {
        long start = System.nanoTime();
        s.execute(statement);
        if (Boolean.getBoolean("eligo.bench.trace")) {
          System.err.printf(
              Locale.ROOT,
              "%7d ms  %s%n",
              (System.nanoTime() - start) / 1_000_000,
              statement
                  .lines()
                  .filter(l -> !l.isBlank() && !l.startsWith("--"))
                  .findFirst()
                  .orElse(""));
        }
      }
    }
  }

  /**
   * The statements of the SQL file (each ends with ';' at the end of a line that is not a comment)
   * with the paths put in: {@code ${data}} and {@code ${results}} stand inside single-quoted SQL
   * strings, so a quote in a path is doubled.
   */
  static List<String> statements(Path data, Path results) throws IOException {
    String sql;
    try (InputStream in = DuckDbBaseline.class.getResourceAsStream(SQL)) {
      if (in == null) {
        throw new IOException("missing resource " + SQL);
      }
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : sql.split("\n", -1)) {
      if (line.startsWith("--") && current.isEmpty()) {
        continue;
      }
      current.append(line).append('\n');
      if (line.endsWith(";") && !line.startsWith("--")) {
        // the paths go in after the split: whatever they hold stays inside their string
        statements.add(
            current
                .toString()
                .replace("${data}", literal(data.toAbsolutePath()))
                .replace("${results}", literal(results.toAbsolutePath())));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      throw new IOException(SQL + " ends without ';'");
    }
    return statements;
  }

  private static String literal(Path p) {
    return p.toString().replace("'", "''");
  }
}
