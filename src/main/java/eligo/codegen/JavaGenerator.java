package eligo.codegen;

import com.palantir.javapoet.JavaFile;
import eligo.ir.Ir;
import javax.lang.model.SourceVersion;

/**
 * Generates one Java evaluator class per solution area from the condition sequence tree: a {@code
 * public final class} implementing {@link eligo.data.AreaEvaluator}, with one private method per
 * result node, straight-line loops over the {@link eligo.data.Dataset}, exact {@code long}
 * arithmetic and masks precomputed in the constructor.
 *
 * <p>Criteria text reaches the code only as escaped string literals ({@code $S}), as identifiers
 * made of ASCII letters and digits, or as escaped comment text. The output depends on the IR only:
 * the same area gives the same bytes.
 */
public final class JavaGenerator {
  /** Generates {@code area} as class {@link #className(String) className(area.id())}. */
  public JavaFile generate(Ir.Area area, String packageName) {
    return generate(area, packageName, className(area.id()));
  }

  /** Generates {@code area} as class {@code packageName.className}. */
  public JavaFile generate(Ir.Area area, String packageName, String className) {
    if (!packageName.isEmpty() && !SourceVersion.isName(packageName)) {
      throw new IllegalArgumentException("not a package name: " + packageName);
    }
    if (!Names.usable(className)) {
      throw new IllegalArgumentException("not a class name: " + className);
    }
    return new AreaWriter(area, packageName, className).write();
  }

  /**
   * The class name of an area: {@code azure} → {@code AzureEvaluator}, {@code bizapps-smb} → {@code
   * BizappsSmbEvaluator}. Only ASCII letters and digits of the id are kept.
   */
  public static String className(String areaId) {
    String base = Names.camel(areaId, true);
    if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
      base = "Area" + base;
    }
    return base + "Evaluator";
  }
}
