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
   * One source file per area, in program order. Two area ids that map to the same class name get
   * a numbered second name ({@code FooEvaluator2}).
   *
   * @throws IllegalArgumentException when two areas have the same id
   */
  public static List<JavaFile> generate(Ir.Program program, String packageName) {
    JavaGenerator generator = new JavaGenerator();
    Set<String> ids = new HashSet<>();
    Set<String> classNames = new HashSet<>();
    List<JavaFile> files = new ArrayList<>();
    for (Ir.Area area : program.areas()) {
      if (!ids.add(area.id())) {
        throw new IllegalArgumentException("two areas with id " + area.id());
      }
      String base = JavaGenerator.className(area.id());
      String name = base;
      for (int i = 2; !classNames.add(name); i++) {
        name = base + i;
      }
      files.add(generator.generate(area, packageName, name));
    }
    return files;
  }

  /**
   * The classes compiled in this process, by their exact generated source (the last {@value
   * #REMEMBERED}): a process that compiles criteria again after an edit compiles only the areas
   * whose generated source changed.
   */
  private static final Map<String, Class<?>> COMPILED = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Class<?>> eldest) {
      return size() > REMEMBERED;
    }
  };

  private static final int REMEMBERED = 64;

  /**
   * Generates every area, compiles in memory at once those not compiled before in this process
   * with the same source, and returns, by area id in program order, a factory that makes an
   * evaluator for a dataset (one per dataset and thread).
   */
  public static Map<String, Function<Dataset, AreaEvaluator>> compile(Ir.Program program, String packageName) {
    List<JavaFile> files = generate(program, packageName);
    List<String> sources = new ArrayList<>();
    Class<?>[] types = new Class<?>[files.size()];
    Map<String, String> missing = new LinkedHashMap<>();
    synchronized (COMPILED) {
      for (int i = 0; i < files.size(); i++) {
        sources.add(files.get(i).toString());
        types[i] = COMPILED.get(sources.get(i));
        if (types[i] == null) {
          missing.put(binaryName(files.get(i)), sources.get(i));
        }
      }
    }
    if (!missing.isEmpty()) {
      InMemoryCompiler.Result compiled = new InMemoryCompiler().compileSources(missing);
      synchronized (COMPILED) {
        for (int i = 0; i < files.size(); i++) {
          if (types[i] == null) {
            types[i] = compiled.get(binaryName(files.get(i)));
            COMPILED.put(sources.get(i), types[i]);
          }
        }
      }
    }
    Map<String, Function<Dataset, AreaEvaluator>> factories = new LinkedHashMap<>();
    for (int i = 0; i < files.size(); i++) {
      String name = binaryName(files.get(i));
      Class<?> type = types[i];
      Constructor<? extends AreaEvaluator> constructor;
      try {
        constructor = type.asSubclass(AreaEvaluator.class).getConstructor(Dataset.class);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("generated class without a Dataset constructor: " + name, e);
      }
      factories.put(program.areas().get(i).id(), data -> instantiate(constructor, data));
    }
    return factories;
  }

  private static String binaryName(JavaFile file) {
    return file.packageName().isEmpty() ? file.typeSpec().name() : file.packageName() + "." + file.typeSpec().name();
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
