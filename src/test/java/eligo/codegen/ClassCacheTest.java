package eligo.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.data.AreaEvaluator;
import eligo.data.Dataset;
import eligo.data.DatasetKit;
import eligo.ir.Ir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class cache across processes: a new process (the in-process classes forgotten) loads the
 * classes an earlier one compiled instead of running javac; a damaged entry is compiled again; the
 * cache is off unless configured, and its folder is private.
 */
class ClassCacheTest {
  static final String PACKAGE = "eligo.generated.cached";

  @TempDir Path tmp;

  @AfterEach
  void off() {
    System.clearProperty(ClassCache.PROPERTY);
    ClassCache.configure();
  }

  @Test
  void aNewProcessLoadsWhatAnEarlierOneCompiled() throws Exception {
    Path dir = tmp.resolve("cache");
    System.setProperty(ClassCache.PROPERTY, dir.toString());
    assertThat(ClassCache.configure()).isEqualTo(dir);
    Dataset data = new DatasetKit().build();
    Ir.Program program = new Ir.Program(List.of(Fixtures.azure(), Fixtures.misc()), List.of());

    Evaluators.forgetCompiled();
    int before = InMemoryCompiler.runs();
    Map<String, Function<Dataset, AreaEvaluator>> first = Evaluators.compile(program, PACKAGE);
    assertThat(InMemoryCompiler.runs()).isEqualTo(before + 1);
    assertThat(entries(dir)).hasSize(2);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwx------");

    Evaluators.forgetCompiled();
    Map<String, Function<Dataset, AreaEvaluator>> second = Evaluators.compile(program, PACKAGE);
    assertThat(InMemoryCompiler.runs()).as("no javac run").isEqualTo(before + 1);
    for (String area : List.of("azure", "misc")) {
      Class<?> a = first.get(area).apply(data).getClass();
      Class<?> b = second.get(area).apply(data).getClass();
      assertThat(b).isNotSameAs(a);
      assertThat(b.getName()).isEqualTo(a.getName());
      assertThat(second.get(area).apply(data).areaId()).isEqualTo(area);
    }

    // a damaged entry: compiled again, and replaced
    for (Path e : entries(dir)) {
      Files.write(e, new byte[] {1, 2, 3});
    }
    Evaluators.forgetCompiled();
    Map<String, Function<Dataset, AreaEvaluator>> third = Evaluators.compile(program, PACKAGE);
    assertThat(InMemoryCompiler.runs()).isEqualTo(before + 2);
    assertThat(third.get("azure").apply(data).areaId()).isEqualTo("azure");
    for (Path e : entries(dir)) {
      assertThat(Files.size(e)).isGreaterThan(100);
    }
  }

  @Test
  void offUnlessConfigured() throws Exception {
    System.clearProperty(ClassCache.PROPERTY);
    assertThat(ClassCache.configure()).isNull();
    System.setProperty(ClassCache.PROPERTY, "off");
    assertThat(ClassCache.configure()).isNull();
    Evaluators.forgetCompiled();
    int before = InMemoryCompiler.runs();
    Ir.Program program = new Ir.Program(List.of(Fixtures.small()), List.of());
    Evaluators.compile(program, PACKAGE);
    Evaluators.forgetCompiled();
    Evaluators.compile(program, PACKAGE);
    assertThat(InMemoryCompiler.runs()).isEqualTo(before + 2);
  }

  @Test
  void aFolderOthersCanWriteIsMadePrivate() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("shared"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    System.setProperty(ClassCache.PROPERTY, dir.toString());
    assertThat(ClassCache.configure()).isEqualTo(dir);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwx------");
    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    System.setProperty(ClassCache.PROPERTY, file.toString());
    assertThat(ClassCache.configure()).isNull();
  }

  private static List<Path> entries(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".classes")).sorted().toList();
    }
  }
}
