package eligo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.JavaFile;
import eligo.check.Frontend;
import eligo.codegen.Evaluators;
import eligo.codegen.InMemoryCompiler;
import eligo.data.AreaEvaluator;
import eligo.data.Dataset;
import eligo.data.Month;
import eligo.interpret.Interpreter;
import eligo.ir.Ir;
import eligo.testing.ProgramGenerator;
import eligo.testing.RandomData;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Differential testing of the two engines: random criteria programs drawn from the language ({@link
 * ProgramGenerator}, printed as text and compiled by the front end) × random datasets ({@link
 * RandomData}): the reference interpreter and the generated Java must give the same results file,
 * and the same current and baseline values for every node. Programs are compiled to Java in batches
 * (one javac run for many areas). A difference fails with the seeds and a shrunk case: the smallest
 * program and dataset found that still differ.
 */
class DifferentialTest {
  static final int PROGRAMS = 120;
  static final int DATASETS = 20;
  static final int BATCH = 60;
  static final long SEED = 6_000_000L;
  static final int AS_OF = Month.parse(RandomData.AS_OF);

  @Test
  void interpreterAndGeneratedCodeAgree() {
    List<RandomData> datasets = new ArrayList<>();
    List<Dataset> built = new ArrayList<>();
    for (int d = 0; d < DATASETS; d++) {
      datasets.add(RandomData.generate(SEED + d));
      built.add(datasets.get(d).build());
    }
    long start = System.nanoTime();
    int cases = 0;
    int rejected = 0;
    for (int first = 0; first < PROGRAMS; first += BATCH) {
      Map<Long, Ir.Program> programs = new LinkedHashMap<>();
      for (long seed = SEED + first; seed < SEED + Math.min(PROGRAMS, first + BATCH); seed++) {
        Frontend.Compilation c =
            Frontend.compile(Map.of("generated.criteria", ProgramGenerator.generate(seed).text()));
        if (c.ok()) {
          programs.put(seed, c.program());
        } else {
          rejected++;
        }
      }
      Map<Long, Map<String, Function<Dataset, AreaEvaluator>>> generated = compile(programs);
      for (Map.Entry<Long, Ir.Program> p : programs.entrySet()) {
        Map<String, Function<Dataset, AreaEvaluator>> interpreted =
            Engine.interpreters(p.getValue());
        for (int d = 0; d < DATASETS; d++) {
          String difference =
              difference(p.getValue(), interpreted, generated.get(p.getKey()), built.get(d));
          if (difference != null) {
            throw new AssertionError(shrunk(p.getKey(), SEED + d, datasets.get(d), difference));
          }
          cases++;
        }
      }
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "differential: %d cases (%d programs × %d datasets; %d programs rejected by the checker), interpreter = generated code, in %d ms%n",
        cases, PROGRAMS - rejected, DATASETS, rejected, ms);
    assertThat(rejected).as("generated programs the checker rejects").isLessThan(PROGRAMS / 10);
    assertThat(cases).isGreaterThanOrEqualTo(2000);
  }

  /**
   * The interpreter that explains ({@link Interpreter#explaining}: it leaves out the bindings of an
   * {@code any} the data lack where {@link eligo.ir.Absence} proves they add nothing) gives the
   * reference interpreter's outcomes on the same random programs and datasets, and does leave
   * bindings out: its listener hears fewer values in all.
   */
  @Test
  void theExplainingInterpreterAgreesWithTheReference() {
    List<Dataset> built = new ArrayList<>();
    for (int d = 0; d < DATASETS; d++) {
      built.add(RandomData.generate(SEED + d).build());
    }
    long[] told = {0, 0}; // values the reference's listener heard, the explaining one's
    int cases = 0;
    for (long seed = SEED; seed < SEED + PROGRAMS; seed++) {
      Frontend.Compilation c =
          Frontend.compile(Map.of("generated.criteria", ProgramGenerator.generate(seed).text()));
      if (!c.ok()) {
        continue;
      }
      Map<String, Function<Dataset, AreaEvaluator>> reference = new LinkedHashMap<>();
      Map<String, Function<Dataset, AreaEvaluator>> explaining = new LinkedHashMap<>();
      for (Ir.Area area : c.program().areas()) {
        reference.put(area.key(), data -> new Interpreter(area, data, counting(told, 0)));
        explaining.put(area.key(), data -> Interpreter.explaining(area, data, counting(told, 1)));
      }
      for (int d = 0; d < DATASETS; d++) {
        String difference = difference(c.program(), reference, explaining, built.get(d));
        assertThat(difference)
            .as("program seed %d, data seed %d (reference against explaining)", seed, SEED + d)
            .isNull();
        cases++;
      }
    }
    assertThat(cases).isGreaterThanOrEqualTo(2000);
    assertThat(told[1]).as("values told by the explaining interpreter").isLessThan(told[0]);
  }

  /** A listener that counts the values it is told in {@code told[k]}. */
  private static Interpreter.Listener counting(long[] told, int k) {
    return new Interpreter.Listener() {
      @Override
      public void number(Ir.Expr e, Interpreter.Scope scope, long value) {
        told[k]++;
      }

      @Override
      public void condition(Ir.Expr e, Interpreter.Scope scope, boolean holds) {
        told[k]++;
      }

      @Override
      public void skipped(Ir.Node node, Ir.Node gate) {}

      @Override
      public void evaluating(Ir.Node node) {}
    };
  }

  /** Constructs the programs of {@link #interpreterAndGeneratedCodeAgree} must hold. */
  static final List<String> CONSTRUCTS =
      List.of(
          "(average ",
          "(minimum ",
          "(maximum ",
          " more than ",
          "when zero: met",
          "when zero: not met",
          "at least ",
          "points (",
          "seg ",
          "ctry ",
          " version \"b\" from 2025-06 {",
          " version \"b\" from 2025-07 {");

  @Test
  void theComparedProgramsUseEveryNewConstruct() {
    Map<String, Integer> programsWith = new LinkedHashMap<>();
    for (long seed = SEED; seed < SEED + PROGRAMS; seed++) {
      String text = ProgramGenerator.generate(seed).text();
      if (!Frontend.compile(Map.of("generated.criteria", text)).ok()) {
        continue;
      }
      for (String construct : CONSTRUCTS) {
        if (text.contains(construct)) {
          programsWith.merge(construct, 1, Integer::sum);
        }
      }
    }
    for (String construct : CONSTRUCTS) {
      assertThat(programsWith.getOrDefault(construct, 0))
          .as("compared programs with '%s'", construct.trim())
          .isGreaterThanOrEqualTo(5);
    }
  }

  /**
   * Generates every program's areas in its own package and compiles them all with one javac run.
   */
  static Map<Long, Map<String, Function<Dataset, AreaEvaluator>>> compile(
      Map<Long, Ir.Program> programs) {
    Map<Long, List<JavaFile>> files = new LinkedHashMap<>();
    List<JavaFile> all = new ArrayList<>();
    programs.forEach(
        (seed, program) -> {
          files.put(seed, Evaluators.generate(program, "eligo.differential.p" + seed));
          all.addAll(files.get(seed));
        });
    InMemoryCompiler.Result compiled = new InMemoryCompiler().compile(all);
    Map<Long, Map<String, Function<Dataset, AreaEvaluator>>> out = new LinkedHashMap<>();
    files.forEach(
        (seed, javaFiles) -> {
          Map<String, Function<Dataset, AreaEvaluator>> factories = new LinkedHashMap<>();
          for (int i = 0; i < javaFiles.size(); i++) {
            JavaFile f = javaFiles.get(i);
            factories.put(
                programs.get(seed).areas().get(i).key(),
                factory(compiled.get(f.packageName() + "." + f.typeSpec().name())));
          }
          out.put(seed, factories);
        });
    return out;
  }

  private static Function<Dataset, AreaEvaluator> factory(Class<?> type) {
    Constructor<? extends AreaEvaluator> constructor;
    try {
      constructor = type.asSubclass(AreaEvaluator.class).getConstructor(Dataset.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
    return data -> {
      try {
        return constructor.newInstance(data);
      } catch (InvocationTargetException e) {
        throw new IllegalStateException(e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  /**
   * How the two engines' outcomes differ, or null when they agree (failing the same way counts as
   * agreeing).
   */
  static String difference(
      Ir.Program program,
      Map<String, Function<Dataset, AreaEvaluator>> interpreted,
      Map<String, Function<Dataset, AreaEvaluator>> generated,
      Dataset data) {
    String a = outcome(program, interpreted, data);
    String b = outcome(program, generated, data);
    if (a.equals(b)) {
      return null;
    }
    String[] x = a.split("\n", -1);
    String[] y = b.split("\n", -1);
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      String l = i < x.length ? x[i] : "<none>";
      String r = i < y.length ? y[i] : "<none>";
      if (!l.equals(r)) {
        return "first difference:\n  interpreter: " + l + "\n  generated:   " + r;
      }
    }
    return "outcomes differ";
  }

  /** The results file, then current and baseline of every node and customer; or the failure. */
  private static String outcome(
      Ir.Program program, Map<String, Function<Dataset, AreaEvaluator>> factories, Dataset data) {
    Outcome o;
    try {
      o = Evaluation.run(program, factories, data, AS_OF, 1, Evaluation.Progress.NONE);
    } catch (Evaluation.EvaluationException e) {
      return "failed: " + e.getMessage();
    } catch (IllegalArgumentException e) {
      // a smaller program (while shrinking) may keep only a version not yet in force
      return "failed: " + e.getMessage();
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try {
      ResultsFile.write(o, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringWriter w = new StringWriter();
    w.append(bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
    for (Outcome.AreaOutcome a : o.areas) {
      for (int c = 0; c < data.customerCount(); c++) {
        for (int i = 0; i < a.nodes.size(); i++) {
          w.append(a.area.id())
              .append(' ')
              .append(a.nodes.get(i).id())
              .append(' ')
              .append(data.customerId(c))
              .append(" current=")
              .append(Long.toString(a.current(c, i)))
              .append(" baseline=")
              .append(Long.toString(a.baseline(c, i)))
              .append('\n');
        }
      }
    }
    return w.toString();
  }

  /** The failure report: seeds, and the smallest program and dataset found that still differ. */
  private static String shrunk(
      long programSeed, long dataSeed, RandomData data, String difference) {
    ProgramGenerator.Program program = ProgramGenerator.generate(programSeed);
    Engines engines = Engines.of(program);
    boolean smaller = true;
    while (smaller) {
      smaller = false;
      for (RandomData d : data.smaller()) {
        if (engines.difference(d) != null) {
          data = d;
          smaller = true;
          break;
        }
      }
      for (ProgramGenerator.Program p :
          smaller ? List.<ProgramGenerator.Program>of() : program.smaller()) {
        Engines e = Engines.of(p);
        if (e != null && e.difference(data) != null) {
          program = p;
          engines = e;
          smaller = true;
          break;
        }
      }
    }
    return "the interpreter and the generated code differ for program seed "
        + programSeed
        + " and dataset seed "
        + dataSeed
        + " (as of "
        + RandomData.AS_OF
        + ")\n"
        + difference
        + "\n\nshrunk to this program:\n"
        + program.text()
        + "\nand this dataset (money in cents):\n"
        + data
        + "\n"
        + engines.difference(data);
  }

  /** One program compiled for both engines (the generated code compiled alone). */
  private record Engines(
      Ir.Program program,
      Map<String, Function<Dataset, AreaEvaluator>> interpreted,
      Map<String, Function<Dataset, AreaEvaluator>> generated) {
    /** Null when the program does not compile. */
    static Engines of(ProgramGenerator.Program program) {
      Frontend.Compilation c = Frontend.compile(Map.of("generated.criteria", program.text()));
      return c.ok() && !c.program().areas().isEmpty()
          ? new Engines(
              c.program(),
              Engine.interpreters(c.program()),
              compile(Map.of(0L, c.program())).get(0L))
          : null;
    }

    String difference(RandomData data) {
      return DifferentialTest.difference(program, interpreted, generated, data.build());
    }
  }
}
