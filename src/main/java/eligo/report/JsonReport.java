package eligo.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eligo.data.Dataset;

/**
 * The two views as JSON, in the stable shapes of {@code summary.schema.json} and {@code
 * customer.schema.json} (resources of this package). Fields are always written in the same order; a
 * field the schema calls optional is left out rather than null.
 */
public final class JsonReport {
  private JsonReport() {}

  /** Identifies the shape, so that a consumer can tell the two views and their versions apart. */
  public static final String SUMMARY_SCHEMA = "eligo-summary/1";

  public static final String CUSTOMER_SCHEMA = "eligo-customer/1";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The summary; with {@code list}, each group's customer ids. */
  public static String summary(SummaryView v, Dataset data, boolean list) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema", SUMMARY_SCHEMA);
    root.put("asOf", v.asOf());
    if (v.partner() != null) {
      root.put("partner", v.partner());
    }
    root.put("customers", v.customers());
    root.put("partners", v.partners());
    ArrayNode areas = root.putArray("areas");
    for (SummaryView.Area a : v.areas()) {
      ObjectNode area = areas.addObject();
      area.put("id", a.id());
      area.put("title", a.title());
      ArrayNode nodes = area.putArray("nodes");
      for (SummaryView.Node n : a.nodes()) {
        ObjectNode node = nodes.addObject();
        node.put("id", n.id());
        node.put("kind", n.kind());
        node.put("title", n.title());
        node.put("criteria", n.criteria());
        node.put("net", n.net());
        ArrayNode groups = node.putArray("groups");
        for (SummaryView.Group g : n.groups()) {
          ObjectNode group = groups.addObject();
          group.put("key", g.key());
          group.put("label", g.label());
          group.put("count", g.count());
          if (list) {
            ArrayNode ids = group.putArray("customers");
            for (int c : g.members()) {
              ids.add(data.customerId(c));
            }
          }
        }
        if (n.partner() != null) {
          ObjectNode partner = node.putObject("partner");
          partner.put("criteria", n.partner().criteria());
          if (n.partner().needed() != null) {
            partner.put("needed", n.partner().needed());
          }
          ArrayNode totals = partner.putArray("totals");
          for (SummaryView.PartnerTotal t : n.partner().totals()) {
            ObjectNode total = totals.addObject();
            total.put("partner", t.partnerId());
            total.put("status", t.status());
            total.put("value", t.value());
            total.put("total", t.total());
          }
        }
      }
    }
    return write(root);
  }

  public static String customer(CustomerView v) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema", CUSTOMER_SCHEMA);
    root.put("asOf", v.asOf());
    root.put("partner", v.partnerId());
    root.put("customer", v.customerId());
    root.put("name", v.customerName());
    ArrayNode areas = root.putArray("areas");
    for (CustomerView.Area a : v.areas()) {
      ObjectNode area = areas.addObject();
      area.put("id", a.id());
      area.put("title", a.title());
      ArrayNode nodes = area.putArray("nodes");
      for (CustomerView.Node n : a.nodes()) {
        ObjectNode node = nodes.addObject();
        node.put("id", n.id());
        node.put("kind", n.kind());
        node.put("title", n.title());
        node.put("criteria", n.criteria());
        node.put("status", n.status());
        if (n.value() != null) {
          node.put("value", n.value());
          node.put("current", n.current());
        }
        if (n.why() != null) {
          node.put("why", n.why());
        }
        if (n.detailsBy() != null) {
          ObjectNode details = node.putObject("details");
          details.put("by", n.detailsBy());
          ArrayNode rows = details.putArray("rows");
          for (CustomerView.Detail d : n.details()) {
            ObjectNode row = rows.addObject();
            row.put("key", d.key());
            row.put("now", d.now());
            if (d.yearEarlier() != null) {
              row.put("yearEarlier", d.yearEarlier());
            }
            CustomerView.Association counts = d.association();
            if (counts != null) {
              ObjectNode association = row.putObject("association");
              association.put("tenant", counts.tenant());
              association.put("workload", counts.workload());
              association.put("type", counts.type());
              association.put("from", counts.from());
              if (counts.to() != null) {
                association.put("to", counts.to());
              }
            }
          }
          if (n.detailsLeftOut() > 0) {
            details.put("more", n.detailsLeftOut());
          }
        }
      }
    }
    return write(root);
  }

  private static String write(ObjectNode root) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
