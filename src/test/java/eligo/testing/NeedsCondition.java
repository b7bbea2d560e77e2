package eligo.testing;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Skips a {@link Needs} test class whose requirements are missing, with a reason that starts with
 * {@link #PREFIX} so that {@link SkippedSummary} can count it; under {@code ELIGO_REQUIRE_ALL}
 * fails it instead.
 */
public final class NeedsCondition implements ExecutionCondition {
  /** The start of every skip reason this condition gives. */
  static final String PREFIX = "needs ";

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    List<String> missing = new ArrayList<>();
    for (Needs needs :
        AnnotationSupport.findAnnotation(context.getElement(), Needs.class).stream().toList()) {
      for (Requirement r : needs.value()) {
        String why = r.missing();
        if (why != null) {
          missing.add(PREFIX + r.what + " (" + why + "; " + r.howToGet + ")");
        }
      }
    }
    if (missing.isEmpty()) {
      return ConditionEvaluationResult.enabled("all requirements present");
    }
    String reason = String.join("; ", missing);
    if (Requirement.requireAll()) {
      throw new ExtensionConfigurationException(
          Requirement.REQUIRE_ALL + " is set, so every test must run, but this one " + reason);
    }
    return ConditionEvaluationResult.disabled(reason);
  }
}
