package eligo.codegen;

import com.palantir.javapoet.JavaFile;
import eligo.data.AreaEvaluator;
import eligo.data.Dataset;
import eligo.ir.Ir;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Generates and compiles the evaluators of a whole program. */
public final class Evaluators {
  private Evaluators() {}

  /**
   * One source file per area, in program order, named by {@link #classNames}.
   *
   * @throws IllegalArgumentException when two areas have the same id
   */
  public static List<JavaFile> generate(Ir.Program program, String packageName) {
    JavaGenerator generator = new JavaGenerator();
    List<JavaFile> files = new ArrayList<>();
    classNames(program).forEach((id, name) -> files.add(generator.generate(program.area(id), packageName, name)));
    return files;
  }

  /**
   * The simple class name of each area's evaluator, by area id in program order: {@link
   * JavaGenerator#className}, and a numbered second name ({@code FooEvaluator2}) when two area ids
   * map to the same class name.
   *
   * @throws IllegalArgumentException when two areas have the same id
   */
  public static Map<String, String> classNames(Ir.Program program) {
    Set<String> taken = new HashSet<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (Ir.Area area : program.areas()) {
      String base = JavaGenerator.className(area.id());
      String name = base;
      for (int i = 2; !taken.add(name); i++) {
        name = base + i;
      }
      if (names.put(area.id(), name) != null) {
        throw new IllegalArgumentException("two areas with id " + area.id());
      }
    }
    return names;
  }

  /**
   * Generates every area, compiles them in memory at once and returns, by area id in program
   * order, a factory that makes an evaluator for a dataset (one per dataset and thread).
   */
  public static Map<String, Function<Dataset, AreaEvaluator>> compile(Ir.Program program, String packageName) {
    InMemoryCompiler.Result compiled = new InMemoryCompiler().compile(generate(program, packageName));
    return factories(program, packageName, compiled.classLoader());
  }

  /**
   * The factories of evaluator classes already compiled from {@code program} with {@link
   * #generate} into {@code packageName}, loaded by {@code loader}: the constructors are looked up
   * once, here; evaluation itself involves no reflection.
   *
   * @throws IllegalStateException when a class is missing or has no {@code Dataset} constructor
   */
  public static Map<String, Function<Dataset, AreaEvaluator>> factories(Ir.Program program, String packageName, ClassLoader loader) {
    Map<String, Function<Dataset, AreaEvaluator>> factories = new LinkedHashMap<>();
    classNames(program).forEach((id, simpleName) -> {
      String name = packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
      Constructor<? extends AreaEvaluator> constructor;
      try {
        constructor = Class.forName(name, true, loader).asSubclass(AreaEvaluator.class).getConstructor(Dataset.class);
      } catch (ClassNotFoundException | NoSuchMethodException e) {
        throw new IllegalStateException("no generated evaluator class " + name + " with a Dataset constructor", e);
      }
      factories.put(id, data -> instantiate(constructor, data));
    });
    return factories;
  }

  private static AreaEvaluator instantiate(Constructor<? extends AreaEvaluator> constructor, Dataset data) {
    try {
      return constructor.newInstance(data);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
