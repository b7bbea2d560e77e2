package eligo.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import eligo.engine.Outcome;
import eligo.testing.Needs;
import eligo.testing.Requirement;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both JSON views validated against their published schemas (resources of eligo.report). */
@Needs(Requirement.SHARED)
class JsonReportTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static Schema schema(String name) {
    InputStream in = JsonReport.class.getResourceAsStream(name);
    assertThat(in).as("schema resource %s", name).isNotNull();
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
  }

  private static List<String> errors(Schema schema, JsonNode doc) {
    return schema.validate(doc).stream().map(Error::toString).toList();
  }

  @Test
  void summaryMatchesItsSchema() throws Exception {
    Outcome o = Runs.conformance("sample-1");
    Schema schema = schema("summary.schema.json");
    for (boolean list : new boolean[] {false, true}) {
      JsonNode doc =
          MAPPER.readTree(JsonReport.summary(SummaryView.of(o, null, null, null), o.data, list));
      assertThat(errors(schema, doc)).isEmpty();
      assertThat(doc.get("schema").asText()).isEqualTo("eligo-summary/1");
    }
    JsonNode one =
        MAPPER.readTree(
            JsonReport.summary(SummaryView.of(o, "P001", "security", null), o.data, true));
    assertThat(errors(schema, one)).isEmpty();
    assertThat(one.get("partner").asText()).isEqualTo("P001");
  }

  @Test
  void everyCustomerOfSample1MatchesTheCustomerSchema() throws Exception {
    Outcome o = Runs.conformance("sample-1");
    Schema schema = schema("customer.schema.json");
    Explainer explainer = new Explainer(o);
    for (int c = 0; c < o.data.customerCount(); c++) {
      JsonNode doc = MAPPER.readTree(JsonReport.customer(explainer.explain(c)));
      assertThat(errors(schema, doc)).as(o.data.customerId(c)).isEmpty();
      assertThat(doc.get("name").asText()).isEqualTo(o.data.customerName(c));
    }
  }

  @Test
  void theAssociationsThatCountAreRowsWithTheirTenantWorkloadTypeAndMonths() throws Exception {
    Outcome o = Runs.run(java.nio.file.Path.of("examples/sample-data"));
    JsonNode doc =
        MAPPER.readTree(
            JsonReport.customer(new Explainer(o).explain(Runs.customer(o, "C0000119"))));
    assertThat(errors(schema("customer.schema.json"), doc)).isEmpty();
    JsonNode gate = doc.get("areas").get(0).get("nodes").get(1);
    assertThat(gate.get("id").asText()).isEqualTo("association");
    assertThat(gate.get("details").get("by").asText()).isEqualTo("workload");
    assertThat(gate.get("details").has("more")).isFalse();
    JsonNode rows = gate.get("details").get("rows");
    assertThat(rows).hasSize(6);
    assertThat(rows.get(1).get("key").asText()).isEqualTo("App Service");
    assertThat(rows.get(1).get("association").toString())
        .isEqualTo(
            "{\"tenant\":\"T00000212\",\"workload\":\"App Service\",\"type\":\"CSP T1\","
                + "\"from\":\"2025-09\",\"to\":\"2027-07\"}");
    // open: no "to"
    assertThat(rows.get(2).get("association").toString())
        .isEqualTo(
            "{\"tenant\":\"T00000212\",\"workload\":\"App Service\",\"type\":\"PAL\","
                + "\"from\":\"2025-01\"}");
  }

  @Test
  void theSchemaRejectsANotMetNodeWithoutWhy() throws Exception {
    Outcome o = Runs.conformance("hand-1");
    ObjectNode doc =
        (ObjectNode)
            MAPPER.readTree(JsonReport.customer(new Explainer(o).explain(Runs.customer(o, "C1"))));
    JsonNode growth = doc.get("areas").get(0).get("nodes").get(4);
    assertThat(growth.get("status").asText()).isEqualTo("not_met");
    ((ObjectNode) growth).remove("why");
    assertThat(errors(schema("customer.schema.json"), doc)).isNotEmpty();
  }

  @Test
  void outputIsDeterministic() {
    Outcome o = Runs.conformance("hand-2");
    assertThat(JsonReport.summary(SummaryView.of(o, null, null, null), o.data, true))
        .isEqualTo(
            JsonReport.summary(
                SummaryView.of(Runs.conformance("hand-2"), null, null, null), o.data, true));
  }
}
