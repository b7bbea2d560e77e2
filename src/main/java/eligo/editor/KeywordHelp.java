package eligo.editor;

import java.util.Map;

/**
 * What the words of the language mean, for a hover on a keyword: one line each, as the README's
 * "What the words mean" says them, with the form they are written in.
 */
final class KeywordHelp {
  private KeywordHelp() {}

  private static final Map<String, String> HELP =
      Map.ofEntries(
          Map.entry(
              "import",
              "`import \"common.criteria\"`: the declarations of another criteria file of this folder"),
          Map.entry(
              "association",
              "`association type PAL = \"PAL\"`: an association type of the data, named for the criteria"),
          Map.entry(
              "types",
              "`types CSP = CSP_T1, CSP_T2`: a named set of association types (`types S by workload { ... }`: types that depend on the workload)"),
          Map.entry(
              "workloads",
              "`workloads AZURE = family \"Azure\"`: a named set of workloads, by name, by family, with `except`"),
          Map.entry("family", "`family \"Azure\"`: every workload of that family in workloads.csv"),
          Map.entry("except", "`X except \"Virtual Machines\"`: the workloads of X but those"),
          Map.entry(
              "table",
              "`table RATE by workload { \"Business Central\": 1000  otherwise: 100 }`: a lookup per workload with a default"),
          Map.entry(
              "otherwise",
              "`otherwise: ...`: the value of a table or a `types ... by workload` for every other workload"),
          Map.entry(
              "measure",
              "`measure mcv = active_users * RATE`: a derived measure; its name is its unit in every view"),
          Map.entry(
              "band", "`band B = > 300 and <= 1000`: a named range of values, used with `within`"),
          Map.entry(
              "within", "`x within > 10 and <= 300`, `x within B`: whether x lies in the band"),
          Map.entry(
              "define",
              "`define healthy = ...`: a named condition or amount, usable anywhere; `define f(kinds: types) = ...` takes arguments"),
          Map.entry(
              "attribute",
              "`attribute customer segment: text`: an extra column of customers.csv (or tenants.csv), compared as text"),
          Map.entry(
              "template",
              "`template T { parameter p: money ... }`: one definition of an area for several (`area a \"A\" from T { p = $500 }`)"),
          Map.entry(
              "parameter",
              "`parameter p: money` in a template: a value each area made from it gives (`leaf parameter`: each leaf gives one)"),
          Map.entry(
              "area",
              "`area id \"Title\" { ... }`: a solution area: its declarations and its tree of branches, gates and metrics"),
          Map.entry(
              "branch",
              "`branch id \"Title\" { ... }`: a part of an area with its own gates and metrics; its gates stop only it"),
          Map.entry(
              "gate",
              "`gate id \"Title\" { ... }`: a node that runs first; when it is not met, the rest of its branch is not evaluated"),
          Map.entry(
              "metric",
              "`metric id \"Title\" { ... }`: a node evaluated for every customer that its branch's gates let through"),
          Map.entry(
              "leaf",
              "`leaf id \"Title\" { ... }`: a part of a metric, with its own rule (`each leaf { ... }`: lines every leaf takes)"),
          Map.entry(
              "each",
              "`each leaf { ... }`: the lines every leaf of a template's metric takes, its parameters filled in per leaf"),
          Map.entry(
              "partner",
              "`partner { ... }`: the node's rule for the partner as a whole, over its customers (`sum value for customer`)"),
          Map.entry(
              "criteria",
              "`criteria \"...\"`: the text reports show for the node; `{p}` shows a value the rule uses, `{met}` the threshold of `met when`"),
          Map.entry(
              "details",
              "`details per tenant` or `per workload`: what the node's explanation lists for a customer"),
          Map.entry(
              "value",
              "`value EXPR`: the node's value for the customer; in `met when`, that value"),
          Map.entry(
              "met",
              "`met when C`: the condition that makes the node met, as in `met when value >= 1`"),
          Map.entry(
              "sum",
              "`sum X for tenant, workload in W, month in TTM(M) [where C]`: the sum of X over the bindings where C holds"),
          Map.entry(
              "average",
              "`average X for month in TTM(M) [where C]`: the mean of X over the bindings (a binding without data is a term of 0), rounded half-even at X's decimals"),
          Map.entry(
              "minimum",
              "`minimum X for ... [where C]`: the lowest X over the bindings (a binding without data is 0)"),
          Map.entry(
              "maximum",
              "`maximum X for ... [where C]`: the highest X over the bindings (a binding without data is 0)"),
          Map.entry(
              "count",
              "`count tenant, workload in W [where C]`: the number of distinct bindings where C holds"),
          Map.entry(
              "any", "`any tenant, month in window where C`: whether C holds for some binding"),
          Map.entry("all", "`all month in TTM(M) where C`: whether C holds for every binding"),
          Map.entry(
              "where",
              "`... where C`: the bindings of an aggregate that count are those where C holds"),
          Map.entry(
              "for",
              "`sum X for tenant, workload in W, month in TTM(M)`: what the aggregate runs over"),
          Map.entry(
              "in",
              "`workload in W`, `month in M - 1 .. M`: the values a binder runs over; `country in (\"DE\", \"FR\")`: one of the texts"),
          Map.entry(
              "net",
              "`net X`: X at M minus X at M - 12 (with growth > 0, in decline < 0, no change = 0)"),
          Map.entry(
              "via",
              "`acr via CSP, DPOR`: the amount only where an association of those types is active that month"),
          Map.entry(
              "at",
              "`x at M`, `x at (M - 12)`: x in that month; a moved month is written in parentheses (`at least K of (...)`: see `least`)"),
          Map.entry(
              "least",
              "`at least 2 of (C1, C2, C3)`: whether at least 2 of the listed conditions hold"),
          Map.entry(
              "of", "`40% of X`: that share of X; `at least K of (...)`: K of the conditions"),
          Map.entry(
              "points",
              "`points (C1: 3, C2: 1) >= 4`: the sum of the points of the listed conditions that hold"),
          Map.entry(
              "associated",
              "`associated`, `associated via CPOR`: whether such an association is active for the pair in scope that month"),
          Map.entry(
              "earliest",
              "`earliest start via CSP`: the first start month of the pair's associations of those types, ended ones included"),
          Map.entry(
              "more",
              "`value >= 20% more than B when zero: not met`: relative growth, compared exactly; `when zero` gives the outcome for a baseline of 0 or less"),
          Map.entry(
              "zero",
              "`when zero: met` or `when zero: not met`: the outcome of a relative growth whose baseline is 0 or less"),
          Map.entry("and", "`C1 and C2`: both hold (stops at the first part that does not)"),
          Map.entry("or", "`C1 or C2`: either holds (stops at the first part that holds)"),
          Map.entry("not", "`not C`: C does not hold"),
          Map.entry(
              "tenant",
              "`tenant`: a binder over the customer's tenants (`count tenant`, `for tenant`)"),
          Map.entry(
              "workload", "`workload [in W]`: a binder over workloads, all or those of a set"),
          Map.entry("month", "`month in TTM(M)`: a binder over the months of a range"),
          Map.entry(
              "type",
              "`type in S`: a binder over association types (`associated` then asks of the type in scope)"),
          Map.entry(
              "customer",
              "`customer`: a binder over the partner's customers, in a `partner { ... }` rule"),
          Map.entry(
              "version",
              "`version \"2027\" from 2027-01`: this block of the area is in force from that month on"));

  /** The Markdown of a hover on {@code word}, or null when it is no keyword explained here. */
  static String describe(String word) {
    String help = HELP.get(word);
    return help == null ? null : "**keyword** `" + word + "`: " + help;
  }
}
