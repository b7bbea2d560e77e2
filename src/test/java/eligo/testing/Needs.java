package eligo.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a test class needs beyond Java and Maven. Where a need is missing its tests are skipped, and
 * {@link SkippedSummary} says so once at the end of the run; with {@code ELIGO_REQUIRE_ALL=1} (as
 * {@code .ci/run} sets it) a missing need fails the run instead.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(NeedsCondition.class)
public @interface Needs {
  Requirement[] value();
}
