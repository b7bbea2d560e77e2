package eligo.spark;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The row shapes between the runner's steps. */
final class Schemas {
  private Schemas() {}

  /** Kinds of the rows brought together by tenant ({@link #BY_TENANT}), in their sort order. */
  static final int TENANT = 0;

  static final int ASSOCIATION = 1;
  static final int USAGE = 2;

  /**
   * A tenant, or a run of a tenant's associations or usage rows (consecutive in their file), by
   * tenant id: tenant rows have the customer and name; the others their entries packed ({@link
   * Chunks}: 16 bytes an association, 48 a usage row).
   */
  static final StructType BY_TENANT =
      DataTypes.createStructType(
          new StructField[] {
            field("tenant_id", DataTypes.StringType),
            field("kind", DataTypes.IntegerType),
            field("customer_id", DataTypes.StringType),
            field("name", DataTypes.StringType),
            field("rows", DataTypes.BinaryType),
          });

  /** Kinds of the rows brought together by customer ({@link #BY_CUSTOMER}). */
  static final int CUSTOMER = 0;

  static final int CUSTOMER_TENANT = 1;

  /**
   * A customer (partner and name) or one of its tenants (id, name, and its usage and associations
   * packed by {@link TenantRows}), by customer id.
   */
  static final StructType BY_CUSTOMER =
      DataTypes.createStructType(
          new StructField[] {
            field("customer_id", DataTypes.StringType),
            field("kind", DataTypes.IntegerType),
            field("partner_id", DataTypes.StringType),
            field("name", DataTypes.StringType),
            field("tenant_id", DataTypes.StringType),
            field("rows", DataTypes.BinaryType),
          });

  /**
   * A customer's outcome: its results packed by {@link Outcomes}, and its contribution to each
   * partner rule ({@code c0}, {@code c1}, ...: all areas' rules in program order; 0 where the node
   * was not evaluated).
   */
  static StructType evaluated(int rules) {
    StructField[] fields = new StructField[3 + rules];
    fields[0] = field("partner_id", DataTypes.StringType);
    fields[1] = field("customer_id", DataTypes.StringType);
    fields[2] = field("results", DataTypes.BinaryType);
    for (int j = 0; j < rules; j++) {
      fields[3 + j] = field("c" + j, DataTypes.LongType);
    }
    return DataTypes.createStructType(fields);
  }

  /**
   * A block of the results file: a partner's own rows (customer_id empty, bytes formatted) or a
   * customer's (results packed, formatted after the sort).
   */
  static final StructType BLOCK =
      DataTypes.createStructType(
          new StructField[] {
            field("partner_id", DataTypes.StringType),
            field("customer_id", DataTypes.StringType),
            field("payload", DataTypes.BinaryType),
          });

  /** The results file's rows, for {@code --results-format parquet}. */
  static final StructType RESULT_ROW =
      DataTypes.createStructType(
          new StructField[] {
            field("partner_id", DataTypes.StringType),
            field("customer_id", DataTypes.StringType),
            field("area", DataTypes.StringType),
            field("node", DataTypes.StringType),
            field("status", DataTypes.StringType),
            field("value", DataTypes.StringType),
          });

  private static StructField field(String name, org.apache.spark.sql.types.DataType type) {
    return DataTypes.createStructField(name, type, true);
  }
}
