package eligo.codegen;

import com.palantir.javapoet.JavaFile;
import eligo.data.AreaEvaluator;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources in memory with the system Java compiler and loads the classes in a fresh
 * class loader whose parent is the loader of {@code eligo.data}, so the generated evaluators
 * implement this process's {@link AreaEvaluator}.
 *
 * <p>Default options: {@code --release 17 -proc:none -Xlint:all}. Errors throw {@link
 * CompilationException}; warnings are returned in {@link Result#warnings()}.
 */
public final class InMemoryCompiler {
  /** The default javac options. */
  public static final List<String> DEFAULT_OPTIONS =
      List.of("--release", "17", "-proc:none", "-Xlint:all");

  private final List<String> options;

  public InMemoryCompiler() {
    this(DEFAULT_OPTIONS);
  }

  /** Uses exactly these javac options (the class path is added). */
  public InMemoryCompiler(List<String> options) {
    this.options = List.copyOf(options);
  }

  /** The loaded classes, by binary name, and javac's warnings (empty for generated code). */
  public record Result(
      ClassLoader classLoader,
      Map<String, Class<?>> classes,
      List<String> warnings,
      Map<String, byte[]> bytes) {
    public Result {
      classes = Map.copyOf(classes);
      warnings = List.copyOf(warnings);
      bytes = Map.copyOf(bytes);
    }

    public Class<?> get(String binaryName) {
      Class<?> c = classes.get(binaryName);
      if (c == null) {
        throw new IllegalArgumentException("no compiled class " + binaryName);
      }
      return c;
    }
  }

  /** Compiles JavaPoet files. */
  public Result compile(List<JavaFile> files) {
    Map<String, String> sources = new LinkedHashMap<>();
    for (JavaFile f : files) {
      String name =
          f.packageName().isEmpty()
              ? f.typeSpec().name()
              : f.packageName() + "." + f.typeSpec().name();
      sources.put(name, f.toString());
    }
    return compileSources(sources);
  }

  private static final java.util.concurrent.atomic.AtomicInteger RUNS =
      new java.util.concurrent.atomic.AtomicInteger();

  /** How many times this process has run javac through this class (for tests). */
  static int runs() {
    return RUNS.get();
  }

  /** Compiles sources given by fully qualified top-level class name. */
  public Result compileSources(Map<String, String> sources) {
    RUNS.incrementAndGet();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no system Java compiler: run eligo on a JDK, not a JRE");
    }
    List<JavaFileObject> units = new ArrayList<>();
    for (Map.Entry<String, String> e : sources.entrySet()) {
      units.add(new Source(e.getKey(), e.getValue()));
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> opts = new ArrayList<>(options);
    opts.add("-classpath");
    opts.add(String.join(File.pathSeparator, classPath()));
    Map<String, ByteArrayOutputStream> classes = new LinkedHashMap<>();
    boolean ok;
    try (StandardJavaFileManager standard =
            javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
        MemoryFileManager files = new MemoryFileManager(standard, classes)) {
      ok = javac.getTask(null, files, diagnostics, opts, null, units).call();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      (d.getKind() == Diagnostic.Kind.ERROR ? errors : warnings).add(format(d));
    }
    if (!ok || !errors.isEmpty()) {
      throw new CompilationException(errors.isEmpty() ? warnings : errors);
    }
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    classes.forEach((name, out) -> bytes.put(name, out.toByteArray()));
    return define(bytes, warnings);
  }

  /**
   * Loads classes compiled before (binary name to class file bytes) in a new class loader, as
   * {@link #compileSources} loads what it compiles.
   *
   * @throws LinkageError when the bytes are not classes this runtime can load
   */
  public static Result define(Map<String, byte[]> bytes) {
    return define(bytes, List.of());
  }

  private static Result define(Map<String, byte[]> bytes, List<String> warnings) {
    MemoryClassLoader loader = new MemoryClassLoader(bytes, AreaEvaluator.class.getClassLoader());
    Map<String, Class<?>> loaded = new LinkedHashMap<>();
    for (String name : bytes.keySet()) {
      try {
        loaded.put(name, loader.loadClass(name));
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("compiled class vanished: " + name, e);
      }
    }
    return new Result(loader, loaded, warnings, bytes);
  }

  private static final java.util.concurrent.atomic.AtomicBoolean WARMING =
      new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * Starts, once per process and on a background thread, compiling a small class like the generated
   * ones: javac's own classes are then loaded and partly compiled by the JIT when the real sources
   * come, which takes a third off a cold compile. For callers that will compile soon and have
   * something else to do first (checking the criteria).
   */
  public static void warmUpInBackground() {
    if (!WARMING.compareAndSet(false, true)) {
      return;
    }
    Thread t =
        new Thread(
            () -> {
              try {
                new InMemoryCompiler().compileSources(Map.of("eligo.warmup.WarmUp", WARM_UP));
              } catch (RuntimeException e) {
                // only a warm-up: the real compile reports any problem
              }
            },
            "eligo-javac-warm-up");
    t.setDaemon(true);
    t.start();
  }

  private static final String WARM_UP =
      """
      package eligo.warmup;

      import eligo.data.Dataset;
      import eligo.data.Measure;

      final class WarmUp {
        private final Dataset data;

        WarmUp(Dataset data) {
          this.data = data;
        }

        long sum(int t, int w, int from, int to) {
          int p = data.pair(t, w);
          long total = 0L;
          if (p >= 0) {
            for (int r = data.firstRow(p, from); r < data.rowEnd(p) && data.rowMonth(r) <= to; r++) {
              total = Math.addExact(total, data.rowValue(r, Measure.ACR_USD));
            }
          }
          return total;
        }
      }
      """;

  private static String format(Diagnostic<? extends JavaFileObject> d) {
    StringBuilder b = new StringBuilder();
    b.append(d.getKind().name().toLowerCase(Locale.ROOT)).append(": ");
    if (d.getSource() != null) {
      b.append(d.getSource().getName())
          .append(':')
          .append(d.getLineNumber())
          .append(':')
          .append(d.getColumnNumber())
          .append(": ");
    }
    b.append(d.getMessage(Locale.ROOT));
    if (d.getSource() != null && d.getLineNumber() > 0) {
      try {
        String[] lines = d.getSource().getCharContent(true).toString().split("\n", -1);
        if (d.getLineNumber() <= lines.length) {
          b.append("\n    ").append(lines[(int) d.getLineNumber() - 1].strip());
        }
      } catch (IOException ignored) {
        // no source line then
      }
    }
    return b.toString();
  }

  /**
   * What javac needs to resolve generated code: where {@code eligo.data} was loaded from, then the
   * class path of this JVM. Under Maven surefire {@code java.class.path} may be a manifest-only
   * jar; {@code surefire.test.class.path} then holds the real one.
   */
  static List<String> classPath() {
    Set<String> entries = new LinkedHashSet<>();
    CodeSource source = AreaEvaluator.class.getProtectionDomain().getCodeSource();
    if (source != null && source.getLocation() != null) {
      addUrl(entries, source.getLocation());
    }
    if (entries.isEmpty()) {
      addPath(entries, System.getProperty("surefire.test.class.path"));
      addPath(entries, System.getProperty("java.class.path"));
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      if (context instanceof URLClassLoader urls) {
        for (URL url : urls.getURLs()) {
          addUrl(entries, url);
        }
      }
    }
    return new ArrayList<>(entries);
  }

  private static void addUrl(Set<String> entries, URL url) {
    try {
      Path p = Path.of(url.toURI());
      if (Files.exists(p)) {
        entries.add(p.toString());
      }
    } catch (URISyntaxException
        | IllegalArgumentException
        | java.nio.file.FileSystemNotFoundException e) {
      // not a file: nothing javac could read
    }
  }

  private static void addPath(Set<String> entries, String path) {
    if (path == null || path.isBlank()) {
      return;
    }
    for (String entry : path.split(File.pathSeparator)) {
      if (!entry.isBlank() && Files.exists(Path.of(entry))) {
        entries.add(entry);
      }
    }
  }

  // ---------------------------------------------------------------- in-memory files

  private static final class Source extends SimpleJavaFileObject {
    private final String code;

    Source(String className, String code) {
      super(
          URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension),
          Kind.SOURCE);
      this.code = code;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }

  private static final class ClassOutput extends SimpleJavaFileObject {
    private final ByteArrayOutputStream bytes;

    ClassOutput(String className, ByteArrayOutputStream bytes) {
      super(URI.create("mem:///" + className.replace('.', '/') + Kind.CLASS.extension), Kind.CLASS);
      this.bytes = bytes;
    }

    @Override
    public OutputStream openOutputStream() {
      return bytes;
    }
  }

  private static final class MemoryFileManager
      extends ForwardingJavaFileManager<StandardJavaFileManager> {
    private final Map<String, ByteArrayOutputStream> classes;

    MemoryFileManager(
        StandardJavaFileManager standard, Map<String, ByteArrayOutputStream> classes) {
      super(standard);
      this.classes = classes;
    }

    @Override
    public JavaFileObject getJavaFileForOutput(
        Location location, String className, JavaFileObject.Kind kind, FileObject sibling)
        throws IOException {
      if (location == StandardLocation.CLASS_OUTPUT && kind == JavaFileObject.Kind.CLASS) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        classes.put(className, out);
        return new ClassOutput(className, out);
      }
      return super.getJavaFileForOutput(location, className, kind, sibling);
    }
  }

  private static final class MemoryClassLoader extends ClassLoader {
    private final Map<String, byte[]> classes;

    MemoryClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
      super(parent);
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
}
