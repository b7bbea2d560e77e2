package eligo.codegen;

import static eligo.codegen.IrKit.*;

import eligo.data.Measure;
import eligo.ir.Ir;
import java.util.List;

/** Areas written by hand as the front end would hand them over. */
final class Fixtures {
  private Fixtures() {}

  static final Ir.WorkloadSet AZ = family("Azure");
  static final Ir.TypeSet AZ_TYPES = types("CSP T1", "CSP T2", "DPOR", "PAL");

  /** The {@code azure} section of CRITERIA.md. */
  static Ir.Area azure() {
    IrKit a = new IrKit();
    Ir.Var w1 = a.workload();
    Ir.Var t1 = a.tenant();
    Ir.Var m1 = a.month();
    Ir.Node workloads =
        gate(
            "workloads",
            "Azure services",
            "Azure consumed revenue on at least one Azure service in the last 24 months",
            11,
            count(
                over(forWorkload(w1, AZ)),
                any(
                    over(forTenant(t1), forMonth(m1, asOf(-23), asOf(0))),
                    gt(acr(t1, w1, mv(m1)), k(0)))),
            ge(value(0), k(1)));

    IrKit b = new IrKit();
    Ir.Var k2 = b.type();
    Ir.Var t2 = b.tenant();
    Ir.Var w2 = b.workload();
    Ir.Var m2 = b.month();
    Ir.Node association =
        gate(
            "association",
            "Partner association",
            "A CSP, DPOR or PAL association on an Azure service in the last 24 months",
            18,
            count(
                over(forType(k2, "CSP T1", "CSP T2", "DPOR", "PAL")),
                any(
                    over(forTenant(t2), forWorkload(w2, AZ), forMonth(m2, asOf(-23), asOf(0))),
                    associated(t2, w2, mv(m2), k2, null))),
            ge(value(0), k(1)));

    IrKit c = new IrKit();
    Ir.Var t3 = c.tenant();
    Ir.Var m3 = c.month();
    Ir.Var w3 = c.workload();
    Ir.Node netCustomerAdds =
        metric(
            "net-customer-adds",
            "Net customer adds",
            "Net qualified tenants: at least 1 for this customer (a tenant qualifies with $1,000 of"
                + " attributed ACR in one of the last two months)",
            26,
            net(
                count(
                    over(forTenant(t3)),
                    any(
                        over(forMonth(m3, asOf(-1), asOf(0))),
                        ge(
                            sum(
                                over(forWorkload(w3, AZ)),
                                associated(t3, w3, mv(m3), null, AZ_TYPES),
                                acr(t3, w3, mv(m3))),
                            k(100000, 2))))),
            ge(value(0), k(1)));

    IrKit d = new IrKit();
    Ir.Var w4 = d.workload();
    Ir.Var t4 = d.tenant();
    Ir.Var m4 = d.month();
    Ir.Node deployments =
        metric(
            "deployments",
            "Deployments",
            "Azure services, other than virtual machines, with attributed ACR in the last 12 months: at least 1",
            35,
            count(
                over(
                    forWorkload(
                        w4, except(AZ, names("Virtual Machines", "Virtual Machine Licenses")))),
                gt(
                    sum(
                        over(forTenant(t4), forMonth(m4, asOf(-11), asOf(0))),
                        associated(t4, w4, mv(m4), null, AZ_TYPES),
                        acr(t4, w4, mv(m4))),
                    k(0))),
            ge(value(0), k(1)));

    IrKit e = new IrKit();
    Ir.Var t5 = e.tenant();
    Ir.Var w5 = e.workload();
    Ir.Var m5 = e.month();
    Ir.Node usageGrowth =
        withPartner(
            metric(
                "usage-growth",
                "Usage growth",
                "Attributed ACR of the last 12 months above that of the 12 months before",
                43,
                net(
                    sum(
                        over(forTenant(t5), forWorkload(w5, AZ), forMonth(m5, asOf(-11), asOf(0))),
                        associated(t5, w5, mv(m5), null, AZ_TYPES),
                        acr(t5, w5, mv(m5)))),
                gt(value(2), k(0))),
            value(2),
            ge(value(2), k(2500000, 2)));

    return area(
        "azure",
        "Azure",
        9,
        branch("", "", 9, workloads, association, netCustomerAdds, deployments, usageGrowth));
  }

  /** One gate and one net metric with a partner rule: the golden-source case. */
  static Ir.Area small() {
    IrKit a = new IrKit();
    Ir.Var w1 = a.workload();
    Ir.Var t1 = a.tenant();
    Ir.Node users =
        gate(
            "users",
            "Users",
            "Active users on Teams this month",
            3,
            sum(
                over(forTenant(t1), forWorkload(w1, names("Teams"))),
                null,
                measure(Measure.ACTIVE_USERS, t1, w1, asOf(0))),
            gt(value(0), k(0)));
    IrKit b = new IrKit();
    Ir.Var t2 = b.tenant();
    Ir.Var w2 = b.workload();
    Ir.Node growth =
        withPartner(
            metric(
                "user-growth",
                "User growth",
                "More CPOR-attributed Teams users than a year ago",
                8,
                net(
                    sum(
                        over(forTenant(t2), forWorkload(w2, names("Teams"))),
                        associated(t2, w2, asOf(0), null, types("CPOR")),
                        measure(Measure.ACTIVE_USERS, t2, w2, asOf(0)))),
                ge(value(0), k(1))),
            value(0),
            ge(value(0), k(500)));
    return area("small-area", "Small area", 1, branch("", "", 1, users, growth));
  }

  static final List<String> MISC_TYPES =
      List.of("PAL", "DPOR", "CSP T1", "CSP T2", "CPOR", "CPOR OSU");
  static final Ir.WorkloadSet CS =
      names("Power Apps", "Business Central", "Customer Insights Partner", "Guides");
  static final Ir.WorkloadSet MW = names("Teams", "Intune");
  static final Ir.TypeSet CS_TYPES =
      new Ir.TypesByWorkload(
          List.of(
              new Ir.TypeCase(
                  union(family("Power Platform"), names("Customer Insights Partner")),
                  List.of("PAL"))),
          List.of("CPOR OSU", "DPOR"));
  static final Ir.RateTable MCV_RATE =
      new Ir.RateTable(
          "mcv rate",
          List.of(
              new Ir.RateCase(names("Business Central"), 10000),
              new Ir.RateCase(names("Power Apps", "Power BI"), 2000),
              new Ir.RateCase(names("Customer Insights Partner"), 2)),
          1000,
          1);

  /**
   * Business-applications and modern-work pieces: types by workload, a rate table of scale 1, a
   * percentage, earliest starts, a type loop with a type set, leaves and partner rules.
   */
  static Ir.Area misc() {
    IrKit a = new IrKit();
    Ir.Var w1 = a.workload();
    Ir.Var t1 = a.tenant();
    Ir.Var m1 = a.month();
    Ir.Node csWorkloads =
        gate(
            "cs.workloads",
            "Customer success workloads",
            "Active users on a CS workload",
            5,
            count(
                over(forWorkload(w1, CS)),
                any(
                    over(forTenant(t1), forMonth(m1, asOf(-23), asOf(0))),
                    gt(measure(Measure.ACTIVE_USERS, t1, w1, mv(m1)), k(0)))),
            ge(value(0), k(1)));

    IrKit b = new IrKit();
    Ir.Var t2 = b.tenant();
    Ir.Var w2 = b.workload();
    Ir.Node mcv =
        withPartner(
            metric(
                "cs.mcv",
                "Monthly consumption value",
                "MCV attributed via S_CS(w) this month: at least 5000",
                9,
                sum(
                    over(forTenant(t2), forWorkload(w2, CS)),
                    associated(t2, w2, asOf(0), null, CS_TYPES),
                    mul(measure(Measure.ACTIVE_USERS, t2, w2, asOf(0)), new Ir.Rate(MCV_RATE, w2))),
                ge(value(1), k(5000))),
            value(1),
            ge(value(1), k(100000, 1)));

    IrKit c = new IrKit();
    Ir.Var k3 = c.type();
    Ir.Var t3 = c.tenant();
    Ir.Var w3 = c.workload();
    Ir.Var m3 = c.month();
    Ir.Node mwAssociation =
        gate(
            "mw.association",
            "Partner association",
            "A CPOR or CSP association on MW",
            15,
            count(
                over(forType(k3, (String[]) null)),
                any(
                    over(forTenant(t3), forWorkload(w3, MW), forMonth(m3, asOf(-23), asOf(0))),
                    associated(t3, w3, mv(m3), k3, types("CPOR", "CSP T1", "CSP T2")))),
            ge(value(0), k(1)));

    Ir.Node deployments =
        withLeaves(
            "mw.deployments",
            "Deployments",
            20,
            deploymentLeaf("mw.deployments.cpor", 21, List.of("CPOR")),
            deploymentLeaf("mw.deployments.csp", 22, List.of("CSP T1", "CSP T2")));

    IrKit e = new IrKit();
    Ir.Var t5 = e.tenant();
    Ir.Var w5 = e.workload();
    Ir.Node first =
        metric(
            "mw.first",
            "Early CPOR",
            "Pairs whose first CPOR association began a year ago or more",
            25,
            count(
                over(forTenant(t5), forWorkload(w5, MW)),
                new Ir.CompareMonths(
                    Ir.CmpOp.LE, new Ir.EarliestStart(t5, w5, types("CPOR")), asOf(-12))),
            ge(value(0), k(1)));

    IrKit f = new IrKit();
    Ir.Var t6 = f.tenant();
    Ir.Var w6 = f.workload();
    IrKit g = new IrKit();
    Ir.Var t7 = g.tenant();
    Ir.Var w7 = g.workload();
    Ir.Node growth =
        withPartner(
            leaf(
                "mw.usage-growth.cpor",
                "MAU growth (CPOR)",
                "CPOR-attributed active users up on a year ago",
                30,
                net(
                    sum(
                        over(forTenant(t6), forWorkload(w6, MW)),
                        associated(t6, w6, asOf(0), null, types("CPOR")),
                        measure(Measure.ACTIVE_USERS, t6, w6, asOf(0)))),
                ge(value(0), k(1))),
            sum(
                over(forTenant(t7), forWorkload(w7, MW)),
                associated(t7, w7, asOf(0), null, types("CPOR")),
                measure(Measure.PROTECTED_USERS, t7, w7, asOf(0))),
            ge(value(0), k(2500)));
    Ir.Node usageGrowth = withLeaves("mw.usage-growth", "Usage growth", 29, growth);

    return area(
        "misc",
        "Miscellany",
        1,
        branch("cs", "Customer success", 4, csWorkloads, mcv),
        branch("mw", "Modern work", 14, mwAssociation, deployments, first, usageGrowth));
  }

  /**
   * Tenants with a qualified deployment of the leaf's types at M: some MW workload with an
   * association of those types active, paid units, active users at least 40% of paid units, and not
   * pre-existing (first start in TTM(M) and already qualified then).
   */
  private static Ir.Node deploymentLeaf(String id, int line, List<String> typeNames) {
    IrKit x = new IrKit();
    Ir.Var t = x.tenant();
    Ir.Var w = x.workload();
    Ir.TypeSet set = new Ir.FixedTypes(typeNames);
    Ir.MonthExpr start = new Ir.EarliestStart(t, w, set);
    Ir.Expr qualifiesAtM =
        and(
            gt(measure(Measure.PAID_UNITS, t, w, asOf(0)), k(0)),
            ge(
                measure(Measure.ACTIVE_USERS, t, w, asOf(0)),
                mul(k(40, 2), measure(Measure.PAID_UNITS, t, w, asOf(0)))));
    Ir.Expr qualifiedAtStart =
        and(
            gt(measure(Measure.PAID_UNITS, t, w, start), k(0)),
            ge(
                measure(Measure.ACTIVE_USERS, t, w, start),
                mul(k(40, 2), measure(Measure.PAID_UNITS, t, w, start))));
    Ir.Expr preExisting = and(new Ir.InMonths(start, range(asOf(-11), asOf(0))), qualifiedAtStart);
    return leaf(
        id,
        "Deployments " + id,
        "Qualified deployments, net",
        line,
        net(
            count(
                over(forTenant(t)),
                any(
                    over(forWorkload(w, MW)),
                    and(
                        and(associated(t, w, asOf(0), null, set), qualifiesAtM),
                        not(preExisting))))),
        ge(value(0), k(1)));
  }
}
