package eligo.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Project rule: main Java code names no workload, family or association type of the program; they
 * live in data files (the generator's catalogue, the criteria files). Checked for the packages of
 * the data loader and generator.
 */
class NoProgramNamesInCodeTest {

  @Test
  void ioEngineAndDataCodeHoldNoProgramNamesAsStringLiterals() throws Exception {
    List<String> names = new ArrayList<>(TestData.TYPES);
    DataGenerator.catalogue()
        .forEach(
            (workload, family) -> {
              names.add(workload);
              names.add(family);
            });
    Path main = Path.of(System.getProperty("user.dir"), "src/main/java/eligo");
    List<String> found = new ArrayList<>();
    for (String pkg : List.of("io", "engine", "data")) {
      try (Stream<Path> files = Files.walk(main.resolve(pkg))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          String text = Files.readString(f);
          for (String name : names) {
            if (text.contains("\"" + name + "\"")) {
              found.add(main.relativize(f) + ": \"" + name + "\"");
            }
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }
}
