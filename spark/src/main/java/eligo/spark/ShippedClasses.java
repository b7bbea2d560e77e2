package eligo.spark;

import eligo.data.AreaEvaluator;
import java.util.Map;

/**
 * Defines the evaluator classes the driver compiled (class files by binary name) in an executor,
 * with the loader of {@code eligo.data} as parent: no Java compiler is needed there.
 */
final class ShippedClasses extends ClassLoader {
  private final Map<String, byte[]> classes;

  ShippedClasses(Map<String, byte[]> classes) {
    super(AreaEvaluator.class.getClassLoader());
    this.classes = classes;
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] b = classes.get(name);
    if (b == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, b, 0, b.length);
  }
}
