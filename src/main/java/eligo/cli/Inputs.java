package eligo.cli;

import eligo.data.Dataset;
import eligo.data.Month;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.TypeConversionException;

/** The checks every command that reads a dataset makes, each said once in plain words. */
final class Inputs {
  private Inputs() {}

  /** {@code --as-of YYYY-MM} as a month; anything else is a usage error. */
  static final class MonthConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      int m = Month.parse(value);
      if (m == Month.NONE) {
        throw new TypeConversionException("'" + value + "' is not a month (YYYY-MM)");
      }
      return m;
    }
  }

  /** Whether {@code data} is a folder; prints why not. */
  static boolean isDataFolder(Path data, CommandSpec spec) {
    if (Files.isDirectory(data)) {
      return true;
    }
    spec.commandLine().getErr().println("eligo: data folder '" + data + "' does not exist or is not a folder");
    return false;
  }

  /** The as-of month: the one given, else the latest month of usage.csv; Month.NONE (said why) when there is none. */
  static int asOf(Integer given, Dataset data, CommandSpec spec) {
    int m = given != null ? given : data.latestUsageMonth();
    if (m == Month.NONE) {
      spec.commandLine().getErr().println("eligo: usage.csv has no rows, so there is no latest month: give --as-of YYYY-MM");
    }
    return m;
  }
}
