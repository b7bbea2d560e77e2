package eligo.cases;

import eligo.engine.Engine;
import eligo.testing.CriteriaCases;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every shipped case file ({@code criteria/*.cases}) as JUnit tests, through the helper a consumer
 * project would use, with both engines.
 */
class ShippedCasesTest {
  @TestFactory
  Stream<DynamicNode> shippedCases() {
    return Stream.of(Engine.values())
        .map(
            engine ->
                DynamicContainer.dynamicContainer(
                    engine.name(),
                    CriteriaCases.dynamicTests(
                        Path.of("criteria"), engine, List.of(Path.of("criteria")))));
  }
}
