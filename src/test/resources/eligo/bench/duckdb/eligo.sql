-- The six solution areas of /work/shared/spec/CRITERIA.md ("What the shipped criteria mean"), written
-- by hand in DuckDB SQL: the baseline of bin/bench. It reads the five CSV files of a dataset folder
-- (DATA.md) and writes the canonical results file of CRITERIA.md, as of the latest month in
-- usage.csv. eligo.bench.DuckDbBaseline runs it, statement by statement (each ends with ';' at the end of
-- a line that is not a comment), after replacing ${data} (the dataset folder) and ${results} (the results file) with the
-- text of the paths, quotes doubled. DuckDbBaselineTest checks that it writes the same bytes as
-- `eligo run` and expected.csv. It assumes valid data: unlike Eligo, it checks none of DATA.md's
-- "Bad input" rules.

-- Months are numbered: YYYY-MM is YYYY * 12 + MM - 1, so that M-12 is M - 12.
CREATE TEMP MACRO mi(s) AS CAST(substr(s, 1, 4) AS INTEGER) * 12 + CAST(substr(s, 6, 2) AS INTEGER) - 1;
-- A value of the results file: a plain decimal without trailing zeros after the point.
CREATE TEMP MACRO fmt(x) AS CASE WHEN contains(CAST(x AS VARCHAR), '.')
  THEN rtrim(rtrim(CAST(x AS VARCHAR), '0'), '.') ELSE CAST(x AS VARCHAR) END;
-- The status of a node whose branch got that far (evaluated) or not.
CREATE TEMP MACRO st(evaluated, met) AS
  CASE WHEN NOT evaluated THEN 'not_evaluated' WHEN met THEN 'met' ELSE 'not_met' END;
-- The association types as bits: PAL 1, DPOR 2, CSP T1 4, CSP T2 8, CPOR 16, CPOR RevRec 32,
-- CPOR OSA 64, CPOR OSU 128, CPOR RevRec Performance 256. A set of types is the OR of its bits:
-- Azure (CSP, DPOR, PAL) 15; Modern Work SMB (CSP, CPOR) 28, Enterprise (CPOR, DPOR) 18; CSP 12;
-- Business Applications performance (CPOR RevRec, CPOR OSA, CPOR RevRec Performance, CSP, DPOR) 366.

CREATE TEMP TABLE customers AS
SELECT partner_id, customer_id
FROM read_csv('${data}/customers.csv', header = true, delim = ',', quote = '"', escape = '"',
  types = {'partner_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'customer_name': 'VARCHAR'});

CREATE TEMP TABLE tenants AS
SELECT customer_id, tenant_id
FROM read_csv('${data}/tenants.csv', header = true, delim = ',', quote = '"', escape = '"',
  types = {'customer_id': 'VARCHAR', 'tenant_id': 'VARCHAR', 'tenant_name': 'VARCHAR'});

-- Each workload with the sets of CRITERIA.md it belongs to, the association types that count for it
-- in Business Applications customer success, and its MCV rate.
CREATE TEMP TABLE workloads AS
SELECT workload,
  family = 'Azure' AS is_az,
  family = 'Azure' AND workload NOT IN ('Virtual Machines', 'Virtual Machine Licenses') AS is_az_deployment,
  workload IN ('Intune', 'EXO', 'ProPlus', 'SPO', 'Teams', 'Teams Meetings', 'Teams Phone Calling',
    'Teams Platform', 'Yammer') AS is_mw,
  workload IN ('AI Builder', 'Business Central', 'CE Bundle', 'Commerce', 'Customer Insights',
    'Customer Service', 'F&O Bundle', 'Field Service', 'Finance', 'Fraud Protection',
    'HR (Human Resources)', 'Intelligent Order Management', 'Marketing', 'Mixed Reality',
    'Omni-channel', 'Power Apps', 'Power Automate', 'Power BI', 'Power Pages',
    'Power Virtual Agent', 'Project Operations', 'Sales', 'Supply Chain') AS is_perf,
  workload IN ('Business Central', 'Common data service (Customer Engagement)', 'Core HR',
    'Customer Insights Partner', 'Finance & Operations', 'Guides', 'Portals', 'Power Apps',
    'Power Automate', 'Power BI', 'Remote Assist', 'Retail', 'Talent Attract', 'Talent Onboard') AS is_cs,
  workload IN ('Sentinel', 'Azure Defender', 'Network Security', 'Identity and Access Management') AS is_azsec,
  workload IN ('Azure Active Directory Premium', 'Microsoft Defender for Office 365',
    'Microsoft Defender for Endpoint', 'Microsoft Defender for Identity',
    'Microsoft Information Protection', 'Intune') AS is_m365sec,
  -- S_CS(w): PAL for Power Platform workloads and Customer Insights Partner, else CPOR OSU, DPOR
  CASE WHEN family = 'Power Platform' OR workload = 'Customer Insights Partner' THEN 1 ELSE 130 END AS cs_types,
  CAST(CASE
    WHEN workload = 'Business Central' THEN 1000
    WHEN workload IN ('Power Apps', 'Power Automate', 'Power BI') THEN 200
    WHEN workload = 'Common data service (Customer Engagement)' THEN 200
    WHEN workload = 'Finance & Operations' THEN 100
    WHEN workload = 'Customer Insights Partner' THEN 0.2
    ELSE 100 END AS DECIMAL(18, 1)) AS rate
FROM read_csv('${data}/workloads.csv', header = true, delim = ',', quote = '"', escape = '"',
  types = {'workload': 'VARCHAR', 'family': 'VARCHAR'});

CREATE TEMP TABLE associations AS
SELECT tenant_id, workload,
  CASE association_type WHEN 'PAL' THEN 1 WHEN 'DPOR' THEN 2 WHEN 'CSP T1' THEN 4 WHEN 'CSP T2' THEN 8
    WHEN 'CPOR' THEN 16 WHEN 'CPOR RevRec' THEN 32 WHEN 'CPOR OSA' THEN 64 WHEN 'CPOR OSU' THEN 128
    WHEN 'CPOR RevRec Performance' THEN 256 ELSE 0 END AS bit,
  mi(start_month) AS s,
  coalesce(mi(end_month), 2147483647) AS e
FROM read_csv('${data}/associations.csv', header = true, delim = ',', quote = '"', escape = '"',
  types = {'tenant_id': 'VARCHAR', 'workload': 'VARCHAR', 'association_type': 'VARCHAR',
    'start_month': 'VARCHAR', 'end_month': 'VARCHAR'});

CREATE TEMP TABLE usage AS
SELECT tenant_id, workload, mi(month) AS m,
  coalesce(acr_usd, 0) AS acr, coalesce(revenue_usd, 0) AS revenue,
  coalesce(paid_units, 0) AS paid, coalesce(active_users, 0) AS active,
  coalesce(protected_users, 0) AS protected
FROM read_csv('${data}/usage.csv', header = true, delim = ',', quote = '"', escape = '"',
  types = {'tenant_id': 'VARCHAR', 'workload': 'VARCHAR', 'month': 'VARCHAR',
    'acr_usd': 'DECIMAL(18,2)', 'revenue_usd': 'DECIMAL(18,2)', 'paid_units': 'BIGINT',
    'active_users': 'BIGINT', 'protected_users': 'BIGINT'});

-- M, the as-of month: the latest month in usage.csv.
CREATE TEMP TABLE as_of AS SELECT max(m) AS M FROM usage;

-- Per tenant and workload with associations: the associations as one list, and for Modern Work's
-- pre-existing deployments the earliest start of its associations of each leaf's types (ended ones
-- included), relative to M.
CREATE TEMP TABLE pair_associations AS
SELECT a.tenant_id, a.workload, list({'bit': a.bit, 's': a.s, 'e': a.e}) AS l,
  min(a.s) FILTER (WHERE a.bit & 16 <> 0) - any_value(as_of.M) AS k_cpor,
  min(a.s) FILTER (WHERE a.bit & 12 <> 0) - any_value(as_of.M) AS k_csp,
  min(a.s) FILTER (WHERE a.bit & 2 <> 0) - any_value(as_of.M) AS k_dpor
FROM associations a CROSS JOIN as_of
GROUP BY a.tenant_id, a.workload;

-- Per tenant and workload (a pair): what the nodes need of its usage rows in the window M-23 .. M
-- (every month any node looks at). A row's types are the bits of the association types active on
-- its tenant and workload in its month (attribution); k is its month relative to M. Suffix 0: at M
-- (k = 0), 12: at M-12; az: ACR attributed via CSP, DPOR, PAL; pal: ACR attributed via PAL;
-- healthy_*: the pair was healthy (paid units, 40% of them active) in the month its first
-- association of a leaf's types started.
CREATE TEMP TABLE pairs AS
SELECT p.*, w.* EXCLUDE (workload)
FROM (
  SELECT any_value(t.customer_id) AS customer_id, r.tenant_id, r.workload,
    bool_or(acr > 0) AS any_acr, bool_or(revenue > 0) AS any_revenue,
    bool_or(paid > 0) AS any_paid, bool_or(active > 0) AS any_active,
    coalesce(sum(acr) FILTER (WHERE types & 15 <> 0 AND k = 0), 0) AS az0,
    coalesce(sum(acr) FILTER (WHERE types & 15 <> 0 AND k = -1), 0) AS az1,
    coalesce(sum(acr) FILTER (WHERE types & 15 <> 0 AND k = -12), 0) AS az12,
    coalesce(sum(acr) FILTER (WHERE types & 15 <> 0 AND k = -13), 0) AS az13,
    coalesce(sum(acr) FILTER (WHERE types & 15 <> 0 AND k >= -11), 0) AS az_ttm0,
    coalesce(sum(acr) FILTER (WHERE types & 15 <> 0 AND k <= -12), 0) AS az_ttm12,
    coalesce(sum(acr) FILTER (WHERE types & 1 <> 0 AND k >= -11), 0) AS pal_ttm0,
    coalesce(sum(acr) FILTER (WHERE types & 1 <> 0 AND k <= -12), 0) AS pal_ttm12,
    coalesce(max(types) FILTER (WHERE k = 0), 0) AS types0,
    coalesce(max(revenue) FILTER (WHERE k = 0), 0) AS revenue0,
    coalesce(max(paid) FILTER (WHERE k = 0), 0) AS paid0,
    coalesce(max(active) FILTER (WHERE k = 0), 0) AS active0,
    coalesce(max(protected) FILTER (WHERE k = 0), 0) AS protected0,
    coalesce(max(types) FILTER (WHERE k = -12), 0) AS types12,
    coalesce(max(revenue) FILTER (WHERE k = -12), 0) AS revenue12,
    coalesce(max(paid) FILTER (WHERE k = -12), 0) AS paid12,
    coalesce(max(active) FILTER (WHERE k = -12), 0) AS active12,
    coalesce(max(protected) FILTER (WHERE k = -12), 0) AS protected12,
    any_value(k_cpor) AS k_cpor, any_value(k_csp) AS k_csp, any_value(k_dpor) AS k_dpor,
    coalesce(bool_or(healthy AND k = k_cpor), false) AS healthy_cpor,
    coalesce(bool_or(healthy AND k = k_csp), false) AS healthy_csp,
    coalesce(bool_or(healthy AND k = k_dpor), false) AS healthy_dpor
  FROM (
    SELECT u.tenant_id, u.workload, u.m - as_of.M AS k, u.acr, u.revenue, u.paid, u.active, u.protected,
      u.paid > 0 AND u.active * 100 >= 40 * u.paid AS healthy,
      coalesce(list_bit_or(list_transform(list_filter(pa.l, lambda x: x.s <= u.m AND u.m <= x.e),
        lambda x: x.bit)), 0) AS types,
      pa.k_cpor, pa.k_csp, pa.k_dpor
    FROM usage u CROSS JOIN as_of
    LEFT JOIN pair_associations pa ON pa.tenant_id = u.tenant_id AND pa.workload = u.workload
    WHERE u.m BETWEEN as_of.M - 23 AND as_of.M) r
  JOIN tenants t ON t.tenant_id = r.tenant_id
  GROUP BY r.tenant_id, r.workload) p
JOIN workloads w ON w.workload = p.workload;

-- A Modern Work deployment of a leaf's types (bits x) at k: associated, healthy, not pre-existing.
CREATE TEMP MACRO deployment(types, paid, active, x, k, k_first, healthy_first) AS
  types & x <> 0 AND paid > 0 AND active * 100 >= 40 * paid
  AND NOT (coalesce(k_first BETWEEN k - 11 AND k, false) AND healthy_first);

-- Per tenant: the tenant-level conditions at M (0) and M-12 (12).
CREATE TEMP TABLE tenant_flags AS
SELECT customer_id, tenant_id,
  coalesce(sum(az0) FILTER (WHERE is_az), 0) >= 1000 OR coalesce(sum(az1) FILTER (WHERE is_az), 0) >= 1000 AS az_q0,
  coalesce(sum(az12) FILTER (WHERE is_az), 0) >= 1000 OR coalesce(sum(az13) FILTER (WHERE is_az), 0) >= 1000 AS az_q12,
  coalesce(bool_or(is_mw AND paid0 > 10 AND paid0 <= 300 AND types0 & 28 <> 0), false) AS mws_q0,
  coalesce(bool_or(is_mw AND paid12 > 10 AND paid12 <= 300 AND types12 & 28 <> 0), false) AS mws_q12,
  coalesce(bool_or(is_mw AND paid0 > 300 AND types0 & 18 <> 0), false) AS mwe_q0,
  coalesce(bool_or(is_mw AND paid12 > 300 AND types12 & 18 <> 0), false) AS mwe_q12,
  coalesce(bool_or(is_mw AND deployment(types0, paid0, active0, 16, 0, k_cpor, healthy_cpor)), false) AS dep_cpor0,
  coalesce(bool_or(is_mw AND deployment(types12, paid12, active12, 16, -12, k_cpor, healthy_cpor)), false) AS dep_cpor12,
  coalesce(bool_or(is_mw AND deployment(types0, paid0, active0, 12, 0, k_csp, healthy_csp)), false) AS dep_csp0,
  coalesce(bool_or(is_mw AND deployment(types12, paid12, active12, 12, -12, k_csp, healthy_csp)), false) AS dep_csp12,
  coalesce(bool_or(is_mw AND deployment(types0, paid0, active0, 2, 0, k_dpor, healthy_dpor)), false) AS dep_dpor0,
  coalesce(bool_or(is_mw AND deployment(types12, paid12, active12, 2, -12, k_dpor, healthy_dpor)), false) AS dep_dpor12,
  coalesce(sum(pal_ttm0) FILTER (WHERE is_azsec), 0) AS sec_ttm0,
  coalesce(sum(pal_ttm12) FILTER (WHERE is_azsec), 0) AS sec_ttm12,
  coalesce(bool_or(is_m365sec AND paid0 >= 25 AND types0 & 16 <> 0), false) AS m365_q0,
  coalesce(bool_or(is_m365sec AND paid12 >= 25 AND types12 & 16 <> 0), false) AS m365_q12,
  coalesce(bool_or(is_m365sec AND paid0 >= 25 AND types0 & 16 <> 0 AND active0 * 100 >= 15 * paid0), false) AS m365_d0,
  coalesce(bool_or(is_m365sec AND paid12 >= 25 AND types12 & 16 <> 0 AND active12 * 100 >= 15 * paid12), false) AS m365_d12
FROM pairs
GROUP BY customer_id, tenant_id;

-- Per customer: the association gates (associations active in some month of the window, by set).
CREATE TEMP TABLE customer_types AS
SELECT t.customer_id,
  bit_count(coalesce(bit_or(a.bit) FILTER (WHERE w.is_az), 0) & 15) AS az,
  bit_count(coalesce(bit_or(a.bit) FILTER (WHERE w.is_mw), 0) & 28) AS mws,
  bit_count(coalesce(bit_or(a.bit) FILTER (WHERE w.is_mw), 0) & 18) AS mwe,
  bit_count(coalesce(bit_or(a.bit) FILTER (WHERE w.is_perf), 0) & 366) AS perf,
  bit_count(coalesce(bit_or(a.bit & w.cs_types) FILTER (WHERE w.is_cs), 0)) AS cs,
  bit_count(coalesce(bit_or(a.bit) FILTER (WHERE w.is_azsec), 0) & 1) AS azsec,
  bit_count(coalesce(bit_or(a.bit) FILTER (WHERE w.is_m365sec), 0) & 16) AS m365
FROM associations a CROSS JOIN as_of
JOIN tenants t ON t.tenant_id = a.tenant_id
JOIN workloads w ON w.workload = a.workload
WHERE a.s <= as_of.M AND a.e >= as_of.M - 23
GROUP BY t.customer_id;

-- Per customer: every node's value.
CREATE TEMP TABLE customer_values AS
WITH pv AS (
  SELECT customer_id,
    coalesce(sum(az_ttm0) FILTER (WHERE is_az), 0) - coalesce(sum(az_ttm12) FILTER (WHERE is_az), 0) AS az_growth,
    count(*) FILTER (WHERE is_mw AND paid0 > 10 AND paid0 <= 300) AS mws_pau,
    count(*) FILTER (WHERE is_mw AND paid0 > 300) AS mwe_pau,
    coalesce(sum(active0) FILTER (WHERE is_mw AND types0 & 16 <> 0), 0)
      - coalesce(sum(active12) FILTER (WHERE is_mw AND types12 & 16 <> 0), 0) AS mw_growth_cpor,
    coalesce(sum(active0) FILTER (WHERE is_mw AND types0 & 12 <> 0), 0)
      - coalesce(sum(active12) FILTER (WHERE is_mw AND types12 & 12 <> 0), 0) AS mw_growth_csp,
    coalesce(sum(active0) FILTER (WHERE is_mw AND types0 & 2 <> 0), 0)
      - coalesce(sum(active12) FILTER (WHERE is_mw AND types12 & 2 <> 0), 0) AS mw_growth_dpor,
    count(*) FILTER (WHERE is_perf AND types0 & 366 <> 0 AND revenue0 > 500)
      - count(*) FILTER (WHERE is_perf AND types12 & 366 <> 0 AND revenue12 > 500) AS perf_net_smb,
    count(*) FILTER (WHERE is_perf AND types0 & 366 <> 0 AND revenue0 > 1500)
      - count(*) FILTER (WHERE is_perf AND types12 & 366 <> 0 AND revenue12 > 1500) AS perf_net_ent,
    count(*) FILTER (WHERE is_cs AND types0 & cs_types <> 0 AND active0 * rate >= 5000)
      - count(*) FILTER (WHERE is_cs AND types12 & cs_types <> 0 AND active12 * rate >= 5000) AS cs_deployments_smb,
    count(*) FILTER (WHERE is_cs AND types0 & cs_types <> 0 AND active0 * rate >= 10000)
      - count(*) FILTER (WHERE is_cs AND types12 & cs_types <> 0 AND active12 * rate >= 10000) AS cs_deployments_ent,
    coalesce(sum(active0 * rate) FILTER (WHERE is_cs AND types0 & cs_types <> 0), 0)
      - coalesce(sum(active12 * rate) FILTER (WHERE is_cs AND types12 & cs_types <> 0), 0) AS cs_growth,
    coalesce(sum(protected0) FILTER (WHERE is_m365sec AND types0 & 16 <> 0), 0) AS m365_protected,
    coalesce(sum(protected0) FILTER (WHERE is_m365sec AND types0 & 16 <> 0), 0)
      - coalesce(sum(protected12) FILTER (WHERE is_m365sec AND types12 & 16 <> 0), 0) AS m365_growth
  FROM pairs GROUP BY customer_id),
-- per customer and workload, over its tenants
wv AS (
  SELECT customer_id,
    count(*) FILTER (WHERE is_az AND any_acr) AS az_workloads,
    count(*) FILTER (WHERE is_mw AND any_paid) AS mw_workloads,
    count(*) FILTER (WHERE is_perf AND any_revenue) AS perf_workloads,
    count(*) FILTER (WHERE is_cs AND any_active) AS cs_workloads,
    count(*) FILTER (WHERE is_azsec AND any_acr) AS azsec_workloads,
    count(*) FILTER (WHERE is_m365sec AND any_paid) AS m365_workloads,
    count(*) FILTER (WHERE is_az_deployment AND az_ttm0 > 0) AS az_deployments
  FROM (
    SELECT customer_id, workload,
      any_value(is_az) AS is_az, any_value(is_az_deployment) AS is_az_deployment,
      any_value(is_mw) AS is_mw, any_value(is_perf) AS is_perf, any_value(is_cs) AS is_cs,
      any_value(is_azsec) AS is_azsec, any_value(is_m365sec) AS is_m365sec,
      bool_or(any_acr) AS any_acr, bool_or(any_revenue) AS any_revenue,
      bool_or(any_paid) AS any_paid, bool_or(any_active) AS any_active, sum(az_ttm0) AS az_ttm0
    FROM pairs GROUP BY customer_id, workload)
  GROUP BY customer_id),
tv AS (
  SELECT customer_id,
    count(*) FILTER (WHERE az_q0) - count(*) FILTER (WHERE az_q12) AS az_net,
    count(*) FILTER (WHERE mws_q0) - count(*) FILTER (WHERE mws_q12) AS mws_net,
    count(*) FILTER (WHERE mwe_q0) - count(*) FILTER (WHERE mwe_q12) AS mwe_net,
    count(*) FILTER (WHERE dep_cpor0) - count(*) FILTER (WHERE dep_cpor12) AS mw_dep_cpor,
    count(*) FILTER (WHERE dep_csp0) - count(*) FILTER (WHERE dep_csp12) AS mw_dep_csp,
    count(*) FILTER (WHERE dep_dpor0) - count(*) FILTER (WHERE dep_dpor12) AS mw_dep_dpor,
    count(*) FILTER (WHERE sec_ttm0 >= 100) - count(*) FILTER (WHERE sec_ttm12 >= 100) AS azsec_net,
    count(*) FILTER (WHERE sec_ttm0 >= 12000) - count(*) FILTER (WHERE sec_ttm12 >= 12000) AS azsec_deployments,
    sum(sec_ttm0) AS azsec_usage,
    count(*) FILTER (WHERE m365_q0) - count(*) FILTER (WHERE m365_q12) AS m365_net,
    count(*) FILTER (WHERE m365_d0) - count(*) FILTER (WHERE m365_d12) AS m365_deployments
  FROM tenant_flags GROUP BY customer_id)
SELECT c.partner_id, c.customer_id,
  coalesce(wv.az_workloads, 0) AS az_workloads, coalesce(ct.az, 0) AS az_types,
  coalesce(tv.az_net, 0) AS az_net, coalesce(wv.az_deployments, 0) AS az_deployments,
  coalesce(pv.az_growth, 0) AS az_growth,
  coalesce(wv.mw_workloads, 0) AS mw_workloads, coalesce(ct.mws, 0) AS mws_types, coalesce(ct.mwe, 0) AS mwe_types,
  coalesce(pv.mws_pau, 0) AS mws_pau, coalesce(pv.mwe_pau, 0) AS mwe_pau,
  coalesce(tv.mws_net, 0) AS mws_net, coalesce(tv.mwe_net, 0) AS mwe_net,
  coalesce(tv.mw_dep_cpor, 0) AS mw_dep_cpor, coalesce(tv.mw_dep_csp, 0) AS mw_dep_csp,
  coalesce(tv.mw_dep_dpor, 0) AS mw_dep_dpor,
  coalesce(pv.mw_growth_cpor, 0) AS mw_growth_cpor, coalesce(pv.mw_growth_csp, 0) AS mw_growth_csp,
  coalesce(pv.mw_growth_dpor, 0) AS mw_growth_dpor,
  coalesce(wv.perf_workloads, 0) AS perf_workloads, coalesce(ct.perf, 0) AS perf_types,
  coalesce(pv.perf_net_smb, 0) AS perf_net_smb, coalesce(pv.perf_net_ent, 0) AS perf_net_ent,
  coalesce(wv.cs_workloads, 0) AS cs_workloads, coalesce(ct.cs, 0) AS cs_types,
  coalesce(pv.cs_deployments_smb, 0) AS cs_deployments_smb, coalesce(pv.cs_deployments_ent, 0) AS cs_deployments_ent,
  coalesce(pv.cs_growth, 0) AS cs_growth,
  coalesce(wv.azsec_workloads, 0) AS azsec_workloads, coalesce(ct.azsec, 0) AS azsec_types,
  coalesce(tv.azsec_net, 0) AS azsec_net, coalesce(tv.azsec_deployments, 0) AS azsec_deployments,
  coalesce(tv.azsec_usage, 0) AS azsec_usage,
  coalesce(wv.m365_workloads, 0) AS m365_workloads, coalesce(ct.m365, 0) AS m365_types,
  coalesce(tv.m365_net, 0) AS m365_net, coalesce(tv.m365_deployments, 0) AS m365_deployments,
  coalesce(pv.m365_growth, 0) AS m365_growth, coalesce(pv.m365_protected, 0) AS m365_protected
FROM customers c
LEFT JOIN pv ON pv.customer_id = c.customer_id
LEFT JOIN wv ON wv.customer_id = c.customer_id
LEFT JOIN tv ON tv.customer_id = c.customer_id
LEFT JOIN customer_types ct ON ct.customer_id = c.customer_id;

-- Which branches got past their gates.
CREATE TEMP TABLE customer_gates AS
SELECT *,
  az_workloads >= 1 AS az_g1, az_workloads >= 1 AND az_types >= 1 AS az_g2,
  mw_workloads >= 1 AS mw_g1, mw_workloads >= 1 AND mws_types >= 1 AS mws_g2, mw_workloads >= 1 AND mwe_types >= 1 AS mwe_g2,
  perf_workloads >= 1 AS perf_g1, perf_workloads >= 1 AND perf_types >= 1 AS perf_g2,
  cs_workloads >= 1 AS cs_g1, cs_workloads >= 1 AND cs_types >= 1 AS cs_g2,
  azsec_workloads >= 1 AS azsec_g1, azsec_workloads >= 1 AND azsec_types >= 1 AS azsec_g2,
  m365_workloads >= 1 AS m365_g1, m365_workloads >= 1 AND m365_types >= 1 AS m365_g2
FROM customer_values;

-- One row of the results file.
CREATE TEMP MACRO node(a, n, evaluated, met, v) AS
  {'area': a, 'node': n, 'status': st(evaluated, met), 'value': CASE WHEN evaluated THEN fmt(v) END};

-- The rows of the results file: each customer's and each partner's rows come as one list, in area and
-- node order; the customers and partners are sorted (partner rows, with no customer_id, first) and
-- then unnested.
COPY (
  SELECT partner_id, customer_id, unnest(rows, recursive := true) FROM (
    SELECT partner_id, customer_id, rows FROM (
      SELECT partner_id, customer_id, [
        node('azure', 'association', az_g1, az_types >= 1, az_types),
        node('azure', 'deployments', az_g2, az_deployments >= 1, az_deployments),
        node('azure', 'net-customer-adds', az_g2, az_net >= 1, az_net),
        node('azure', 'usage-growth', az_g2, az_growth > 0, az_growth),
        node('azure', 'workloads', true, az_g1, az_workloads),
        node('bizapps-enterprise', 'customer-success.association', cs_g1, cs_types >= 1, cs_types),
        node('bizapps-enterprise', 'customer-success.deployments', cs_g2, cs_deployments_ent >= 1, cs_deployments_ent),
        node('bizapps-enterprise', 'customer-success.usage-growth', cs_g2, cs_growth > 0, cs_growth),
        node('bizapps-enterprise', 'customer-success.workloads', true, cs_g1, cs_workloads),
        node('bizapps-enterprise', 'performance.association', perf_g1, perf_types >= 1, perf_types),
        node('bizapps-enterprise', 'performance.net-customer-adds', perf_g2, perf_net_ent >= 1, perf_net_ent),
        node('bizapps-enterprise', 'performance.workloads', true, perf_g1, perf_workloads),
        node('bizapps-smb', 'customer-success.association', cs_g1, cs_types >= 1, cs_types),
        node('bizapps-smb', 'customer-success.deployments', cs_g2, cs_deployments_smb >= 1, cs_deployments_smb),
        node('bizapps-smb', 'customer-success.usage-growth', cs_g2, cs_growth > 0, cs_growth),
        node('bizapps-smb', 'customer-success.workloads', true, cs_g1, cs_workloads),
        node('bizapps-smb', 'performance.association', perf_g1, perf_types >= 1, perf_types),
        node('bizapps-smb', 'performance.net-customer-adds', perf_g2, perf_net_smb >= 1, perf_net_smb),
        node('bizapps-smb', 'performance.workloads', true, perf_g1, perf_workloads),
        node('modern-work-enterprise', 'association', mw_g1, mwe_types >= 1, mwe_types),
        node('modern-work-enterprise', 'deployments.cpor', mwe_g2, mw_dep_cpor >= 1, mw_dep_cpor),
        node('modern-work-enterprise', 'deployments.dpor', mwe_g2, mw_dep_dpor >= 1, mw_dep_dpor),
        node('modern-work-enterprise', 'net-customer-adds', mwe_g2, mwe_net >= 1, mwe_net),
        node('modern-work-enterprise', 'pau', mwe_g2, mwe_pau >= 1, mwe_pau),
        node('modern-work-enterprise', 'usage-growth.cpor', mwe_g2, mw_growth_cpor >= 1, mw_growth_cpor),
        node('modern-work-enterprise', 'usage-growth.dpor', mwe_g2, mw_growth_dpor >= 1, mw_growth_dpor),
        node('modern-work-enterprise', 'workloads', true, mw_g1, mw_workloads),
        node('modern-work-smb', 'association', mw_g1, mws_types >= 1, mws_types),
        node('modern-work-smb', 'deployments.cpor', mws_g2, mw_dep_cpor >= 1, mw_dep_cpor),
        node('modern-work-smb', 'deployments.csp', mws_g2, mw_dep_csp >= 1, mw_dep_csp),
        node('modern-work-smb', 'net-customer-adds', mws_g2, mws_net >= 1, mws_net),
        node('modern-work-smb', 'pau', mws_g2, mws_pau >= 1, mws_pau),
        node('modern-work-smb', 'usage-growth.cpor', mws_g2, mw_growth_cpor >= 1, mw_growth_cpor),
        node('modern-work-smb', 'usage-growth.csp', mws_g2, mw_growth_csp >= 1, mw_growth_csp),
        node('modern-work-smb', 'workloads', true, mw_g1, mw_workloads),
        node('security', 'azure.association', azsec_g1, azsec_types >= 1, azsec_types),
        node('security', 'azure.deployments', azsec_g2, azsec_deployments >= 1, azsec_deployments),
        node('security', 'azure.net-customer-adds', azsec_g2, azsec_net >= 1, azsec_net),
        node('security', 'azure.usage-growth', azsec_g2, azsec_usage > 0, azsec_usage),
        node('security', 'azure.workloads', true, azsec_g1, azsec_workloads),
        node('security', 'm365.association', m365_g1, m365_types >= 1, m365_types),
        node('security', 'm365.deployments', m365_g2, m365_deployments >= 1, m365_deployments),
        node('security', 'm365.net-customer-adds', m365_g2, m365_net >= 1, m365_net),
        node('security', 'm365.usage-growth', m365_g2, m365_growth > 0, m365_growth),
        node('security', 'm365.workloads', true, m365_g1, m365_workloads)
      ] AS rows
      FROM customer_gates)
    UNION ALL
    -- Partner-level nodes: the sum over the partner's customers for which the node was evaluated.
    SELECT partner_id, NULL, rows FROM (
      SELECT partner_id, [
        node('modern-work-enterprise', 'usage-growth.cpor', true, cpor_ent >= 1000, cpor_ent),
        node('modern-work-enterprise', 'usage-growth.dpor', true, dpor_ent >= 4000, dpor_ent),
        node('modern-work-smb', 'usage-growth.cpor', true, cpor_smb >= 500, cpor_smb),
        node('modern-work-smb', 'usage-growth.csp', true, csp_smb >= 2000, csp_smb),
        node('security', 'azure.usage-growth', true, azsec >= 25000, azsec),
        node('security', 'm365.usage-growth', true, m365 >= 2500, m365)
      ] AS rows
      FROM (
        SELECT partner_id,
          coalesce(sum(mw_growth_cpor) FILTER (WHERE mws_g2), 0) AS cpor_smb,
          coalesce(sum(mw_growth_csp) FILTER (WHERE mws_g2), 0) AS csp_smb,
          coalesce(sum(mw_growth_cpor) FILTER (WHERE mwe_g2), 0) AS cpor_ent,
          coalesce(sum(mw_growth_dpor) FILTER (WHERE mwe_g2), 0) AS dpor_ent,
          coalesce(sum(azsec_usage) FILTER (WHERE azsec_g2), 0) AS azsec,
          coalesce(sum(m365_protected) FILTER (WHERE m365_g2), 0) AS m365
        FROM customer_gates GROUP BY partner_id))
    ORDER BY partner_id, customer_id NULLS FIRST)
) TO '${results}' (FORMAT csv, HEADER true);
