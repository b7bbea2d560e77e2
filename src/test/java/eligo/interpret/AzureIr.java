package eligo.interpret;

import static eligo.interpret.IrDsl.*;

import eligo.ir.Ir;
import eligo.ir.Ir.Var;

/**
 * The Azure area of CRITERIA.md written by hand as IR, the way the front end is meant to lower
 * criteria/azure.criteria (test fixture).
 */
public final class AzureIr {
  private AzureIr() {}

  /** {@code AZ}: every workload of family Azure. */
  public static final Ir.WorkloadSet AZ = families("Azure");

  /** {@code S}: CSP (both tiers), DPOR, PAL. */
  public static final Ir.FixedTypes S = types("CSP T1", "CSP T2", "DPOR", "PAL");

  public static Ir.Area area() {
    return IrDsl.area(
        "azure", workloads(), association(), netCustomerAdds(), deployments(), usageGrowth());
  }

  /** Distinct AZ workloads with acr > 0 in some tenant and month of the window M-23 .. M. */
  public static Ir.Node workloads() {
    Var w = workloadVar(1);
    Var t = tenantVar(2);
    Var m = monthVar(3);
    return gate(
        "workloads",
        count(
            over(forWorkload(w, AZ)),
            exists(
                over(forTenant(t), forMonth(m, asOf(-23), asOf(0))),
                gt(acr(t, w, mv(m)), num(0, 2)))),
        ge(value(0), num(1)));
  }

  /** Distinct types of S active on some AZ workload in the window (CSP T1 and T2 count as two). */
  public static Ir.Node association() {
    Var k = typeVar(1);
    Var t = tenantVar(2);
    Var w = workloadVar(3);
    Var m = monthVar(4);
    return gate(
        "association",
        count(
            over(forType(k, "CSP T1", "CSP T2", "DPOR", "PAL")),
            exists(
                over(forTenant(t), forWorkload(w, AZ), forMonth(m, asOf(-23), asOf(0))),
                associated(t, w, mv(m), k, null))),
        ge(value(0), num(1)));
  }

  /** Net tenants with attributed AZ ACR >= $1000.00 in M-1 or M (one month's sum). */
  public static Ir.Node netCustomerAdds() {
    Var t = tenantVar(1);
    Var m = monthVar(2);
    Var w = workloadVar(3);
    return metric(
        "net-customer-adds",
        net(
            count(
                over(forTenant(t)),
                exists(
                    over(forMonth(m, asOf(-1), asOf(0))),
                    ge(
                        sum(
                            over(forWorkload(w, AZ)),
                            associated(t, w, mv(m), null, S),
                            acr(t, w, mv(m))),
                        num(100000, 2))))),
        ge(value(0), num(1)));
  }

  /** Distinct AZ workloads but the VM ones whose attributed ACR over TTM(M) is > 0. */
  public static Ir.Node deployments() {
    Var w = workloadVar(1);
    Var t = tenantVar(2);
    Var m = monthVar(3);
    return metric(
        "deployments",
        count(
            over(forWorkload(w, except(AZ, names("Virtual Machines", "Virtual Machine Licenses")))),
            gt(
                sum(
                    over(forTenant(t), forMonth(m, asOf(-11), asOf(0))),
                    associated(t, w, mv(m), null, S),
                    acr(t, w, mv(m))),
                num(0, 2))),
        ge(value(0), num(1)));
  }

  /** Attributed AZ ACR over TTM(M) minus the same over TTM(M-12). */
  public static Ir.Node usageGrowth() {
    Var t = tenantVar(1);
    Var w = workloadVar(2);
    Var m = monthVar(3);
    return metric(
        "usage-growth",
        net(
            sum(
                over(forTenant(t), forWorkload(w, AZ), forMonth(m, asOf(-11), asOf(0))),
                associated(t, w, mv(m), null, S),
                acr(t, w, mv(m)))),
        gt(value(2), num(0)));
  }
}
