package eligo.cli;

import eligo.data.Month;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The options every command that reads a dataset shares, parsed once. */
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
}
