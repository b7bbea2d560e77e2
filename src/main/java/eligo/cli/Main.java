package eligo.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code eligo}: the command line. Each subcommand is a class of this package. */
@Command(
    name = "eligo",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Decides, customer by customer, whether a partner's customers meet a partner program's criteria, and shows why.",
    footer = {
      "",
      "Exit status: 0 success; "
          + ExitCodes.TESTS_FAILED
          + " a test case failed, fmt --check or --diff found unformatted files, or diff"
          + " --exit-code"
          + " found a changed row; "
          + ExitCodes.USAGE
          + " usage error; "
          + ExitCodes.CRITERIA
          + " criteria errors; "
          + ExitCodes.DATA
          + " data errors; "
          + ExitCodes.FAILURE
          + " other failure (I/O, evaluation)."
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "name a command: run, check, fmt, generate-data, test, diff, summary, explain, tree, report, lsp (see eligo --help)");
  }

  public static void main(String[] args) {
    // compiled evaluator classes kept across processes, where bin/eligo (or the user) names a
    // folder for them
    eligo.codegen.ClassCache.configure();
    // a thread that dies of an error nobody waits for says so in one line, never with a trace
    // One line for another thread's uncaught error. Not for running out of memory: the run says
    // that once, and building a message here could run out again, which the JVM then reports
    // with its own "thrown from the UncaughtExceptionHandler" line.
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, e) -> {
          if (e instanceof OutOfMemoryError) {
            return;
          }
          try {
            System.err.println("eligo: internal error in " + thread.getName() + ": " + e);
          } catch (Throwable again) {
            // nothing more can be said
          }
        });
    System.exit(execute(args, utf8(FileDescriptor.out), utf8(FileDescriptor.err)));
  }

  /**
   * A writer of UTF-8 text to {@code fd}, whatever the locale: under {@code LANG=C} the JVM's own
   * {@code System.out} would turn every non-ASCII character (names from the data, JSON) into {@code
   * ?}.
   */
  private static PrintWriter utf8(FileDescriptor fd) {
    return new PrintWriter(
        new TerminalText(new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8)),
        true);
  }

  /** The subcommands, in the order the help lists them. */
  private static final List<Class<?>> COMMANDS =
      List.of(
          CommandLine.HelpCommand.class,
          RunCommand.class,
          CheckCommand.class,
          FmtCommand.class,
          GenerateDataCommand.class,
          TestCommand.class,
          DiffCommand.class,
          SummaryCommand.class,
          ExplainCommand.class,
          TreeCommand.class,
          ReportCommand.class,
          LspCommand.class,
          ServeCommand.class);

  /**
   * The command line for {@code args}: when they start with a subcommand's name (not {@code help}),
   * with that subcommand alone, else with all of them (for the help, and for the closest name to a
   * mistyped one). Picocli reads each subcommand's annotations as it is added: all twelve took a
   * tenth of a second of every run's start.
   */
  static CommandLine commandLine(String... args) {
    CommandLine cl = new CommandLine(new Main());
    String first = args.length > 0 ? args[0] : "";
    Class<?> named = null;
    for (Class<?> c : COMMANDS) {
      if (c != CommandLine.HelpCommand.class
          && c.getAnnotation(Command.class).name().equals(first)) {
        named = c;
      }
    }
    for (Class<?> c : named == null ? COMMANDS : List.of(named)) {
      cl.addSubcommand(c);
    }
    return cl;
  }

  /** Runs the command line with the given streams; returns the exit status (for tests). */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = commandLine(args);
    cl.setOut(out);
    cl.setErr(err);
    // plain help text: escape sequences are never written to a terminal (TerminalText)
    cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("eligo: " + describe(e));
          return ExitCodes.FAILURE;
        });
    int code;
    try {
      code = cl.execute(args);
    } catch (OutOfMemoryError e) {
      err.println("eligo: " + OUT_OF_MEMORY);
      code = ExitCodes.FAILURE;
    } catch (StackOverflowError e) {
      err.println("eligo: " + TOO_DEEP);
      code = ExitCodes.FAILURE;
    } catch (Error e) {
      // one line, never a trace: a JVM error is no place for the user to dig
      err.println("eligo: " + (cutShort(e) ? MAPPED_CUT : "internal error: " + e));
      code = ExitCodes.FAILURE;
    }
    out.flush();
    err.flush();
    return code;
  }

  /** A failure in plain words: file system errors name the file and what went wrong. */
  private static final String TOO_DEEP =
      "the input nests too deeply to be processed (stack overflow)";

  private static final String OUT_OF_MEMORY =
      "out of memory: give the JVM more heap (ELIGO_JAVA_OPTS=-Xmx...) or use less data";

  /**
   * A file read in place (a snapshot, mapped) cut shorter while it was read: the JVM reports the
   * fault of reading past its new end so.
   */
  private static final String MAPPED_CUT =
      "a file read in place (the --snapshot file) was cut short while this command read it (written"
          + " over in place?); nothing was written: run again";

  private static boolean cutShort(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InternalError && String.valueOf(t.getMessage()).contains("unsafe memory")) {
        return true;
      }
    }
    return false;
  }

  static String describe(Exception e) {
    if (cutShort(e)) {
      return MAPPED_CUT;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StackOverflowError) {
        return TOO_DEEP;
      }
      if (t instanceof OutOfMemoryError) {
        return OUT_OF_MEMORY;
      }
    }
    if (e instanceof java.nio.file.NoSuchFileException f) {
      return "no such file or folder: " + f.getFile();
    }
    if (e instanceof java.nio.file.AccessDeniedException f) {
      return "permission denied: " + f.getFile();
    }
    if (e instanceof java.nio.file.FileSystemException f) {
      return "cannot use " + f.getFile() + (f.getReason() == null ? "" : ": " + f.getReason());
    }
    if (e instanceof java.io.IOException) {
      return "input/output error: " + e.getMessage();
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"eligo " + (v == null ? "(development build)" : v)};
    }
  }
}
