"""What logging reads of clients costs: our access log against OCA auditlog's read logging.

Run with `make bench` (or `tools/vipdesk bench bench/bench_access_log.py`), after
bench_row_rules.py has filled the benchmark database (100k dossiers).

Side by side in one run, as a VIP manager, median of repeated calls with the
ORM cache cleared before each:
  * opening a dossier form (web_read of one record, as the web client asks);
  * one page of the client list (web_search_read, 80 rows);
each without logging, with vip_security's access log, and with an auditlog
rule logging reads on vip.dossier (our log switched off for that case).
Results go to docs/bench_access_log.md.
"""

import os
import platform
from datetime import datetime

from common import measured_manager, median_cost, open_registry, superuser_env, write_report

RUNS = int(os.environ.get("VIP_BENCH_RUNS", 30))

FORM_SPEC = {
    "name": {},
    "last_name": {},
    "first_name": {},
    "patronymic": {},
    "formal_address": {},
    "tier_id": {"fields": {"display_name": {}}},
    "state": {},
    "user_id": {"fields": {"display_name": {}}},
    "deputy_id": {"fields": {"display_name": {}}},
    "client_ref": {},
    "income_12m": {},
    "income_ytd": {},
    "completeness": {},
    "relative_ids": {"fields": {"name": {}, "birth_date": {}, "consent_state": {}}},
    "interaction_ids": {"fields": {"subject": {}, "date": {}, "channel": {}}},
}
LIST_SPEC = {"name": {}, "tier_id": {"fields": {"display_name": {}}}, "user_id": {"fields": {"display_name": {}}}}


def main():
    registry = open_registry()
    with registry.cursor() as cr:
        env = superuser_env(cr)
        manager = measured_manager(env)
        Dossier = env["vip.dossier"].with_user(manager)
        dossier = Dossier.search([], limit=1)
        # imported once the registry has set the addons path up
        from odoo.addons.vip_security.models.vip_access_logged_mixin import NOT_A_READ

        quiet = Dossier.with_context(vip_access_log=NOT_A_READ)

        def form(records):
            return lambda: records.browse(dossier.id).web_read(FORM_SPEC)

        def page(records):
            return lambda: records.web_search_read([], LIST_SPEC, limit=80, count_limit=10001)

        results = {
            "open a dossier, no log": median_cost(env, form(quiet), RUNS),
            "open a dossier, vip_security access log": median_cost(env, form(Dossier), RUNS),
            "list page (80 rows), no log": median_cost(env, page(quiet), RUNS),
            "list page (80 rows), vip_security access log": median_cost(env, page(Dossier), RUNS),
        }
        rule = env["auditlog.rule"].create(
            {
                "name": "bench: vip.dossier reads",
                "model_id": env["ir.model"]._get_id("vip.dossier"),
                "log_read": True,
                "log_write": False,
                "log_create": False,
                "log_unlink": False,
                "log_type": "fast",
            }
        )
        rule.subscribe()
        log_rows = env["auditlog.log"].search_count([])
        results["open a dossier, auditlog read rule"] = median_cost(env, form(quiet), RUNS)
        results["list page (80 rows), auditlog read rule"] = median_cost(env, page(quiet), RUNS)
        written = env["auditlog.log"].search_count([]) - log_rows
        rule.unsubscribe()
        cr.rollback()
    base_form = results["open a dossier, no log"]
    base_list = results["list page (80 rows), no log"]
    lines = [
        "# Logging reads of clients: our access log against OCA auditlog",
        "",
        f"Measured {datetime.now():%Y-%m-%d %H:%M} on {platform.node()} ({os.cpu_count()} cores) by "
        f"`bench/bench_access_log.py`, as a VIP manager on the 100k-dossier benchmark database; "
        f"median of {RUNS} calls, ORM cache cleared before each.",
        "",
        "| what | median ms | SQL queries | × no log |",
        "| --- | ---: | ---: | ---: |",
    ]
    for label, (ms, queries) in results.items():
        base = base_form if label.startswith("open") else base_list
        lines.append(f"| {label} | {ms:.1f} | {queries} | {ms / base[0]:.2f} |")
    lines += [
        "",
        f"auditlog wrote {written} log records during its {2 * (RUNS + 2)} measured calls: it logs every "
        "`read`, so a list page logs each of its 80 rows, and each opening stores the values read. "
        "vip_security logs every read too (a form, a list page, an API read, an export), one entry per client "
        "but in one INSERT per call (pinned by query counts in its tests), and keeps auditlog out of the "
        "read path (target for a list page: ≤ 1.2× without the log); auditlog remains a fit for auditing "
        "writes, not reads.",
        "",
    ]
    write_report("bench_access_log.md", lines)


if __name__ == "__main__":
    main()
