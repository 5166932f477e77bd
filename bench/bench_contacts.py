"""What protecting VIP clients' contact cards costs the Contacts app.

Run with `make bench` (or `tools/vipdesk bench bench/bench_contacts.py`), after
bench_row_rules.py has filled the benchmark database (100k dossiers, hence
100k client contacts among the partners).

Side by side in one run, median of repeated calls with the ORM cache cleared
before each, as an ordinary employee and as a VIP manager: one page of the
Contacts list (web_search_read, 80 rows, default order, with its count) and a
name search, with vip_security's contact-card rules and with the same rules
switched off (in the same transaction, rolled back). Results go to
docs/bench_contacts.md.
"""

import os
import platform
from datetime import datetime

from common import measured_manager, median_cost, open_registry, superuser_env, write_report

RUNS = int(os.environ.get("VIP_BENCH_RUNS", 30))
LIST_SPEC = {
    "display_name": {},
    "email": {},
    "phone": {},
    "city": {},
    "country_id": {"fields": {"display_name": {}}},
    "company_id": {"fields": {"display_name": {}}},
}
RULES = ("vip_security.res_partner_rule_vip_read", "vip_security.res_partner_rule_vip_write")


def measure(env, users):
    results = {}
    for label, user in users.items():
        Partner = env["res.partner"].with_user(user)
        results[f"Contacts list page (80 rows + count), {label}"] = median_cost(
            env, lambda P=Partner: P.web_search_read([], LIST_SPEC, limit=80, count_limit=10001), RUNS
        )
        results[f"name search 'Bench Client 4', {label}"] = median_cost(
            env, lambda P=Partner: P.name_search("Bench Client 4", limit=8), RUNS
        )
    return results


def main():
    registry = open_registry()
    with registry.cursor() as cr:
        env = superuser_env(cr)
        manager = measured_manager(env)
        employee = env["res.users"].search([("login", "=", "bench_employee")]) or env["res.users"].with_context(
            no_reset_password=True
        ).create(
            {"name": "Bench Employee", "login": "bench_employee", "groups_id": [(6, 0, env.ref("base.group_user").ids)]}
        )
        partners = env["res.partner"].search_count([])
        clients = env["res.partner"].search_count([("vip_client", "=", True)])
        users = {"employee": employee, "VIP manager": manager}
        protected = measure(env, users)
        rules = env["ir.rule"].browse([env.ref(xmlid).id for xmlid in RULES])
        rules.write({"active": False})
        bare = measure(env, users)
        cr.rollback()
    lines = [
        "# The Contacts app with VIP clients' contact cards protected",
        "",
        f"Measured {datetime.now():%Y-%m-%d %H:%M} on {platform.node()} ({os.cpu_count()} cores) by "
        f"`bench/bench_contacts.py` on the benchmark database: {partners} contacts readable by the superuser, "
        f"{clients} of them VIP clients' cards; median of {RUNS} calls, ORM cache cleared before each. "
        "*Without* is the same call with the contact-card rules switched off in the same transaction.",
        "",
        "| what | with protection, ms | queries | without, ms | queries | × without (target ≤ 1.5) |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, (ms, queries) in protected.items():
        base_ms, base_queries = bare[label]
        lines.append(f"| {label} | {ms:.1f} | {queries} | {base_ms:.1f} | {base_queries} | {ms / base_ms:.2f} |")
    lines += [
        "",
        "The rules add one indexed column (`vip_client`) to ordinary contacts and a membership subquery for "
        "the clients' cards. An employee's list holds no VIP card at all; a manager's holds only the cards "
        "of their own clients.",
        "",
    ]
    write_report("bench_contacts.md", lines)


if __name__ == "__main__":
    main()
