package com.example.widgets;

import eligo.testing.CriteriaCases;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** The criteria test cases beside the criteria (src/main/criteria/*.cases), one JUnit test per case. */
class WidgetsCasesTest {
  @TestFactory
  Stream<DynamicNode> cases() {
    return CriteriaCases.dynamicTests(Path.of("src/main/criteria"));
  }
}
