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
    Map<String, String> names = classNames(program);
    for (Ir.Area area : program.areas()) {
      files.add(generator.generate(area, packageName, names.get(area.key())));
    }
    return files;
  }

  /**
   * The simple class name of each area's evaluator, by area key ({@link Ir.Area#key()}) in program
   * order: {@link JavaGenerator#className} of the id, and of a version its month ({@code azure}
   * version from 2027-01: {@code AzureFrom202701Evaluator}), and a numbered second name ({@code
   * FooEvaluator2}) when two keys map to the same class name.
   *
   * @throws IllegalArgumentException when two areas have the same key
   */
  public static Map<String, String> classNames(Ir.Program program) {
    Set<String> taken = new HashSet<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (Ir.Area area : program.areas()) {
      String base =
          JavaGenerator.className(
              area.version() == null
                  ? area.id()
                  : area.id() + "-from-" + eligo.data.Month.format(area.version().from()));
      String name = base;
      for (int i = 2; !taken.add(name); i++) {
        name = base + i;
      }
      if (names.put(area.key(), name) != null) {
        throw new IllegalArgumentException("two areas with key " + area.key());
      }
    }
    return names;
  }

  /**
   * The classes compiled in this process, by their exact generated source (the last {@value
   * #REMEMBERED}): a process that compiles criteria again after an edit compiles only the areas
   * whose generated source changed.
   */
  private static final Map<String, Class<?>> COMPILED =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Class<?>> eldest) {
          return size() > REMEMBERED;
        }
      };

  private static final int REMEMBERED = 64;

  /** Forgets the classes compiled in this process, as a new process starts (for tests). */
  static void forgetCompiled() {
    synchronized (COMPILED) {
      COMPILED.clear();
    }
  }

  /**
   * Generates every area, compiles in memory at once those not compiled before in this process with
   * the same source, and returns, by area id in program order, a factory that makes an evaluator
   * for a dataset (one per dataset and thread); by area key ({@link Ir.Area#key()}) when the
   * program has versions.
   */
  public static Map<String, Function<Dataset, AreaEvaluator>> compile(
      Ir.Program program, String packageName) {
    return compile(program, packageName, source -> null);
  }

  /**
   * {@link #compile(Ir.Program, String)}, taking first, for an area whose generated source {@code
   * known} knows, the class it gives: one compiled earlier from that very source (another package
   * is fine: the class is not looked up by name), e.g. built into the jar. {@code known} returns
   * null for a source it does not know.
   */
  public static Map<String, Function<Dataset, AreaEvaluator>> compile(
      Ir.Program program, String packageName, Function<String, Class<?>> known) {
    return compile(program, packageName, known, () -> {});
  }

  /**
   * {@link #compile(Ir.Program, String, Function)}, calling {@code beforeJavac} when some area must
   * go to javac (neither known, compiled in this process nor cached), before it starts.
   */
  public static Map<String, Function<Dataset, AreaEvaluator>> compile(
      Ir.Program program,
      String packageName,
      Function<String, Class<?>> known,
      Runnable beforeJavac) {
    List<JavaFile> files = generate(program, packageName);
    List<String> sources = new ArrayList<>();
    Class<?>[] types = new Class<?>[files.size()];
    Map<String, String> missing = new LinkedHashMap<>();
    for (int i = 0; i < files.size(); i++) {
      sources.add(files.get(i).toString());
      Class<?> type = known.apply(sources.get(i));
      if (type != null && AreaEvaluator.class.isAssignableFrom(type)) {
        types[i] = type;
      }
    }
    synchronized (COMPILED) {
      for (int i = 0; i < files.size(); i++) {
        if (types[i] == null) {
          types[i] = COMPILED.get(sources.get(i));
        }
        if (types[i] == null) {
          missing.put(binaryName(files.get(i)), sources.get(i));
        }
      }
    }
    Map<String, Class<?>> found = new LinkedHashMap<>();
    ClassCache cache = ClassCache.current();
    if (cache != null) {
      found.putAll(fromCache(cache, missing));
      missing.keySet().removeAll(found.keySet());
    }
    if (!missing.isEmpty()) {
      beforeJavac.run();
      InMemoryCompiler.Result compiled = new InMemoryCompiler().compileSources(missing);
      for (Map.Entry<String, String> m : missing.entrySet()) {
        found.put(m.getKey(), compiled.get(m.getKey()));
        if (cache != null) {
          cache.put(
              cache.key(m.getKey(), m.getValue(), InMemoryCompiler.DEFAULT_OPTIONS),
              classesOf(m.getKey(), compiled.bytes()));
        }
      }
    }
    if (!found.isEmpty()) {
      synchronized (COMPILED) {
        for (int i = 0; i < files.size(); i++) {
          if (types[i] == null) {
            types[i] = found.get(binaryName(files.get(i)));
            COMPILED.put(sources.get(i), types[i]);
          }
        }
      }
    }
    Map<String, Function<Dataset, AreaEvaluator>> factories = new LinkedHashMap<>();
    for (int i = 0; i < files.size(); i++) {
      factories.put(program.areas().get(i).key(), factory(types[i]));
    }
    return factories;
  }

  /**
   * Generates every area into {@code packageName} and compiles them in memory, for another process:
   * the class files by binary name. There, {@link #factories} with the class loader of {@link
   * InMemoryCompiler#define} of them gives the evaluators, with no Java compiler.
   */
  public static Map<String, byte[]> bytecode(Ir.Program program, String packageName) {
    Map<String, String> sources = new LinkedHashMap<>();
    for (JavaFile f : generate(program, packageName)) {
      sources.put(binaryName(f), f.toString());
    }
    return new InMemoryCompiler().compileSources(sources).bytes();
  }

  /** The areas of {@code sources} (binary name to source) whose classes the cache has, loaded. */
  private static Map<String, Class<?>> fromCache(ClassCache cache, Map<String, String> sources) {
    Map<String, Class<?>> found = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : sources.entrySet()) {
      Map<String, byte[]> bytes =
          cache.get(cache.key(e.getKey(), e.getValue(), InMemoryCompiler.DEFAULT_OPTIONS));
      if (bytes == null || !bytes.containsKey(e.getKey())) {
        continue;
      }
      try {
        Class<?> type = InMemoryCompiler.define(bytes).get(e.getKey());
        if (AreaEvaluator.class.isAssignableFrom(type)) {
          found.put(e.getKey(), type);
        }
      } catch (LinkageError | RuntimeException broken) {
        // compiled again below, and the entry replaced
      }
    }
    return found;
  }

  /** The class {@code name} and its nested classes, from all the classes of one javac run. */
  private static Map<String, byte[]> classesOf(String name, Map<String, byte[]> all) {
    Map<String, byte[]> mine = new LinkedHashMap<>();
    all.forEach(
        (n, b) -> {
          if (n.equals(name) || n.startsWith(name + "$")) {
            mine.put(n, b);
          }
        });
    return mine;
  }

  private static String binaryName(JavaFile file) {
    return file.packageName().isEmpty()
        ? file.typeSpec().name()
        : file.packageName() + "." + file.typeSpec().name();
  }

  /**
   * The factories of evaluator classes already compiled from {@code program} with {@link #generate}
   * into {@code packageName}, loaded by {@code loader}: the constructors are looked up once, here;
   * evaluation itself involves no reflection.
   *
   * @throws IllegalStateException when a class is missing or has no {@code Dataset} constructor
   */
  public static Map<String, Function<Dataset, AreaEvaluator>> factories(
      Ir.Program program, String packageName, ClassLoader loader) {
    Map<String, Function<Dataset, AreaEvaluator>> factories = new LinkedHashMap<>();
    classNames(program)
        .forEach(
            (key, simpleName) -> {
              String name = packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
              try {
                factories.put(key, factory(Class.forName(name, true, loader)));
              } catch (ClassNotFoundException e) {
                throw new IllegalStateException("no generated evaluator class " + name, e);
              }
            });
    return factories;
  }

  /** A factory calling the class's {@code Dataset} constructor, looked up once, here. */
  private static Function<Dataset, AreaEvaluator> factory(Class<?> type) {
    Constructor<? extends AreaEvaluator> constructor;
    try {
      constructor = type.asSubclass(AreaEvaluator.class).getConstructor(Dataset.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(
          "generated class without a Dataset constructor: " + type.getName(), e);
    }
    return data -> instantiate(constructor, data);
  }

  private static AreaEvaluator instantiate(
      Constructor<? extends AreaEvaluator> constructor, Dataset data) {
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
