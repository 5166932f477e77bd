"""Row-rule overhead: a manager's client list against the same list read by a supervisor.

Run with `make bench-rules` (or `tools/vipdesk bench bench/bench_row_rules.py`).

Data: 100,000 dossiers (each with its contact) and 300 VIP managers, every
third client with a deputy. The rows are inserted with SQL for speed: the
access machinery under test (ir.rule, ir.model.access, the ORM's query
building) does not care how rows came in.

Measured side by side in one run, each as the median of repeated calls of
`web_search_read` exactly as the list view makes it (80 rows, default order,
pager count limited to 10,001), with the ORM cache cleared before each call:
  * a VIP Manager: the row rule "manager or deputy" applies;
  * a VIP Supervisor: the read-all rule applies (same access machinery);
  * the superuser: no access check at all (for reference).
Results go to docs/bench_row_rules.md.
"""

import os
import platform
import statistics
import time
from datetime import datetime

from common import open_registry, superuser_env, vacuum, write_report

from odoo import SUPERUSER_ID
from odoo.tools import SQL

CLIENTS = int(os.environ.get("VIP_BENCH_CLIENTS", 100_000))
MANAGERS = int(os.environ.get("VIP_BENCH_MANAGERS", 300))
RUNS = int(os.environ.get("VIP_BENCH_RUNS", 30))

LIST_SPEC = {
    "name": {},
    "tier_id": {"fields": {"display_name": {}}},
    "state": {},
    "user_id": {"fields": {"display_name": {}}},
    "employer_id": {"fields": {"display_name": {}}},
    "completeness": {},
    "income_12m": {},
    "currency_id": {"fields": {}},
}


def populate(env):
    Users = env["res.users"].with_context(no_reset_password=True, mail_create_nolog=True, tracking_disable=True)
    group = env.ref("vip_dossier.group_vip_manager")
    managers = Users.search([("login", "=like", "bench_manager_%")], order="id")
    if len(managers) < MANAGERS:
        managers |= Users.create(
            [
                {"name": f"Bench Manager {i:03d}", "login": f"bench_manager_{i:03d}", "groups_id": [(6, 0, group.ids)]}
                for i in range(len(managers), MANAGERS)
            ]
        )
    supervisor = Users.search([("login", "=", "bench_supervisor")]) or Users.create(
        {
            "name": "Bench Supervisor",
            "login": "bench_supervisor",
            "groups_id": [(6, 0, env.ref("vip_dossier.group_vip_supervisor").ids)],
        }
    )
    existing = env["vip.dossier"].search_count([])
    if existing < CLIENTS:
        missing = CLIENTS - existing
        cr = env.cr
        manager_ids = managers.ids
        company = env.company.id
        tier_ids = env["vip.tier"].search([]).ids
        # the required columns the insert below does not name (the addons add some: a PEP kind), with
        # the default the ORM would give them
        named = {
            "name", "last_name", "first_name", "partner_id", "state", "company_id", "active", "user_id",
            "deputy_id", "tier_id", "completeness", "is_incomplete", "client_ref", "consent_state",
            "contact_allowed", "data_review_needed", "create_date", "write_date",
        }  # fmt: skip
        Dossier = env["vip.dossier"]
        required = [
            name for name, field in Dossier._fields.items()
            if field.store and field.column_type and field.required and name not in named
        ]  # fmt: skip
        defaults = {name: value for name, value in Dossier.default_get(required).items() if value is not False}
        extra_columns = SQL("").join(SQL(", %s", SQL.identifier(name)) for name in defaults)
        extra_values = SQL("").join(SQL(", %s", value) for value in defaults.values())
        cr.execute(
            SQL(
                """
                WITH partners AS (
                    INSERT INTO res_partner (name, complete_name, type, active, company_id, lang,
                                             create_date, write_date)
                    SELECT 'Bench Client ' || n, 'Bench Client ' || n, 'contact', true, %(company)s, 'en_US',
                           now(), now()
                      FROM generate_series(%(start)s, %(stop)s) n
                    RETURNING id
                ), numbered AS (
                    SELECT id, row_number() OVER (ORDER BY id) + %(start)s - 1 AS n FROM partners
                )
                INSERT INTO vip_dossier (name, last_name, first_name, partner_id, state, company_id, active,
                                         user_id, deputy_id, tier_id, completeness, is_incomplete, client_ref,
                                         consent_state, contact_allowed, data_review_needed, create_date, write_date
                                         %(extra_columns)s)
                SELECT 'Bench Client ' || n, 'Client', 'Bench ' || n, id, 'active', %(company)s, true,
                       (%(managers)s::int[])[1 + mod(n, %(count)s)],
                       CASE WHEN mod(n, 3) = 0 THEN (%(managers)s::int[])[1 + mod(n + 1, %(count)s)] END,
                       (%(tiers)s::int[])[1 + mod(n, %(tier_count)s)],
                       50, true, 'B-' || n, 'missing', false, true, now(), now() %(extra_values)s
                  FROM numbered
                """,
                extra_columns=extra_columns,
                extra_values=extra_values,
                company=company,
                start=existing,
                stop=existing + missing - 1,
                managers=manager_ids,
                count=len(manager_ids),
                tiers=tier_ids,
                tier_count=len(tier_ids),
            )
        )
        cr.execute(SQL("ANALYZE vip_dossier; ANALYZE res_partner"))
    # The manager and the deputy follow the dossier, as the ORM's auto-subscription makes them (both
    # fields are tracked), so that a task's subscription of its manager finds them there. Without the
    # default subtypes: nothing measured here notifies followers.
    env.cr.execute(
        SQL(
            """
            INSERT INTO mail_followers (res_model, res_id, partner_id)
            SELECT 'vip.dossier', d.id, u.partner_id
              FROM vip_dossier d
              JOIN res_users u ON u.id IN (d.user_id, d.deputy_id)
             WHERE d.client_ref LIKE %s
            ON CONFLICT DO NOTHING
            """,
            "B-%",
        )
    )
    if env.cr.rowcount:
        env.cr.execute(SQL("ANALYZE mail_followers"))
    # What the ORM stores with every dossier: its members (manager and deputy, read by every row
    # rule), and on its contact card the mark and the readers (read by the contact card's rules).
    env.cr.execute(
        SQL(
            """
            INSERT INTO vip_dossier_member_rel (dossier_id, user_id)
            SELECT d.id, u FROM vip_dossier d, LATERAL (VALUES (d.user_id), (d.deputy_id)) AS m(u)
             WHERE u IS NOT NULL
            ON CONFLICT DO NOTHING
            """
        )
    )
    if env.cr.rowcount:
        env.cr.execute(SQL("ANALYZE vip_dossier_member_rel"))
    env.cr.execute(
        SQL(
            """
            INSERT INTO vip_partner_reader_rel (partner_id, user_id)
            SELECT d.partner_id, m.user_id FROM vip_dossier d JOIN vip_dossier_member_rel m ON m.dossier_id = d.id
            ON CONFLICT DO NOTHING
            """
        )
    )
    if env.cr.rowcount:
        env.cr.execute(SQL("ANALYZE vip_partner_reader_rel"))
    env.cr.execute(
        SQL(
            """
            UPDATE res_partner p SET vip_client = true
              FROM vip_dossier d WHERE d.partner_id = p.id AND p.vip_client IS NOT TRUE
            """
        )
    )
    if env.cr.rowcount:
        env.cr.execute(SQL("ANALYZE res_partner"))
    env.cr.commit()  # the bench's own database: keep the data for the next run
    return managers, supervisor


def measure(env, user_id, domain=(), runs=RUNS):
    """Median seconds and SQL queries of one list page, as user_id."""
    Dossier = env["vip.dossier"].with_user(user_id)
    if user_id == SUPERUSER_ID:
        Dossier = Dossier.sudo()
    domain = list(domain)
    timings, queries = [], None
    for i in range(runs + 2):
        env.invalidate_all()
        before = env.cr.sql_log_count
        start = time.perf_counter()
        result = Dossier.web_search_read(domain, LIST_SPEC, limit=80, count_limit=10001)
        elapsed = time.perf_counter() - start
        if i >= 2:  # two warm-up calls fill the rule and view caches
            timings.append(elapsed)
            queries = env.cr.sql_log_count - before
    return statistics.median(timings), queries, result["length"]


def main():
    registry = open_registry()
    with registry.cursor() as cr:
        env = superuser_env(cr)
        start = time.perf_counter()
        managers, supervisor = populate(env)
        setup = time.perf_counter() - start
    # the membership tables were just written: the rules read them by index only once vacuumed
    vacuum(registry, ["vip_dossier", "vip_dossier_member_rel", "res_partner", "vip_partner_reader_rel"])
    with registry.cursor() as cr:
        env = superuser_env(cr)
        managers, supervisor = managers.with_env(env), supervisor.with_env(env)
        # a manager from the middle who also stands in for colleagues (every third client has a deputy)
        manager = next(m for k, m in enumerate(managers) if k >= len(managers) // 2 and (k - 1) % 3 == 0)
        own = ["|", ("user_id", "=", manager.id), ("deputy_id", "=", manager.id)]
        results = {
            "VIP Manager (row rule)": measure(env, manager.id),
            "VIP Supervisor (read-all rule)": measure(env, supervisor.id),
            "superuser (no access check)": measure(env, SUPERUSER_ID),
            "superuser, the manager's rows by explicit domain": measure(env, SUPERUSER_ID, own),
        }
        total = env["vip.dossier"].search_count([])
        cr.rollback()
    mgr, sup, su, su_same = (results[k][0] for k in results)
    lines = [
        "# Row-rule overhead of the VIP client list",
        "",
        f"Measured {datetime.now():%Y-%m-%d %H:%M} on {platform.node()} ({os.cpu_count()} cores), "
        f"Python {platform.python_version()}, by `bench/bench_row_rules.py`.",
        "",
        f"Data: {total:,} dossiers, {len(managers)} VIP managers (about {total // len(managers)} clients each, "
        "every third client with a deputy; the measured manager manages or stands in for "
        f"{results['VIP Manager (row rule)'][2]} clients). One list page as the web client asks for it: "
        "`web_search_read`, 80 rows, default order, pager count up to 10,001; "
        f"median of {RUNS} calls with the ORM cache cleared before each (data set-up took {setup:.1f} s).",
        "",
        "| who | median ms | SQL queries | rows counted |",
        "| --- | ---: | ---: | ---: |",
    ]
    for label, (seconds, queries, length) in results.items():
        lines.append(f"| {label} | {seconds * 1000:.1f} | {queries} | {length:,} |")
    lines += [
        "",
        f"**Manager / supervisor: {mgr / sup:.2f}×** (target ≤ 1.5×). Manager / superuser: {mgr / su:.2f}×. "
        f"Manager / superuser reading the same rows: {mgr / su_same:.2f}× — the cost of the access machinery itself.",
        "",
        "The manager's rule reads the one membership definition, `member_user_ids` (a semi-join from its "
        "table's index on the user to the dossiers' primary key, a few hundred rows); the supervisor's "
        "read-all rule reads and sorts the whole table for the first page and counts up to the pager limit, "
        "so the manager's list is the cheaper of the two.",
        "",
    ]
    write_report("bench_row_rules.md", lines)


if __name__ == "__main__":
    main()
