"""What every benchmark here does the same way: open the benchmark database, write its report."""

import os
import sys

import odoo
from odoo import SUPERUSER_ID, api

DB = os.environ.get("VIP_BENCH_DB", "vip_bench")
_parsed = []
DOCS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "docs")


def open_registry():
    """The benchmark database's registry, with Odoo configured from the command line (-c …)."""
    if not _parsed:  # once: Odoo's parser does not take a second pass
        odoo.tools.config.parse_config(sys.argv[1:])
        _parsed.append(True)
    return odoo.modules.registry.Registry(DB)


def vacuum(registry, tables):
    """VACUUM ANALYZE ``tables`` (outside a transaction, as PostgreSQL requires): a benchmark that
    writes and rolls back leaves them full of dead rows, which the next run would read through."""
    from odoo.tools import SQL

    with registry.cursor() as cr:
        cr._cnx.autocommit = True
        try:
            cr.execute(SQL("VACUUM ANALYZE %s", SQL(", ").join(SQL.identifier(table) for table in tables)))
        finally:
            cr._cnx.autocommit = False


def median_cost(env, call, runs):
    """Median milliseconds and SQL queries of ``call()`` over ``runs`` calls after two warm-up calls,
    the ORM cache cleared before each."""
    import statistics
    import time

    timings, queries = [], 0
    for i in range(runs + 2):
        env.invalidate_all()
        before = env.cr.sql_log_count
        start = time.perf_counter()
        call()
        elapsed = time.perf_counter() - start
        if i >= 2:
            timings.append(elapsed)
            queries = env.cr.sql_log_count - before
    return statistics.median(timings) * 1000, queries


def measured_manager(env):
    """The VIP manager the benchmarks read as; bench_row_rules.py creates the data."""
    manager = env["res.users"].search([("login", "=", "bench_manager_151")])
    if not manager:
        sys.exit("run bench/bench_row_rules.py first: it fills the benchmark database")
    return manager


def superuser_env(cr):
    return api.Environment(cr, SUPERUSER_ID, {"lang": "en_US", "tz": "UTC"})


def write_report(name, lines):
    """docs/<name>, and the same on the terminal."""
    text = "\n".join(lines)
    os.makedirs(DOCS, exist_ok=True)
    with open(os.path.join(DOCS, name), "w") as handle:
        handle.write(text)
    print(text)


def form_spec(env, model):
    """What the web client asks ``web_read`` for when it opens ``model``'s form, as ``env``'s user.

    The fields of the form's arch as that user gets it; a many2one with its
    display name; a one2many or many2many with the fields of its inline list and
    its first page (or just its display names). Contexts and orders of the
    subviews are left out.
    """
    from lxml import etree

    views = env[model].get_views([(False, "form")])
    fields_of = {name: descr["fields"] for name, descr in views["models"].items()}

    def fields_in(node):
        """The field elements under ``node``, not those inside another field's subview."""
        for child in node:
            if child.tag == "field":
                yield child
            elif isinstance(child.tag, str):
                yield from fields_in(child)

    def spec_of(node, model_name):
        spec = {"display_name": {}}
        for field in fields_in(node):
            name = field.get("name")
            descr = fields_of.get(model_name, {}).get(name)
            if not descr:
                continue
            if descr["type"] == "many2one":
                spec[name] = {"fields": {"display_name": {}}}
            elif descr["type"] in ("one2many", "many2many"):
                inline = field.find("list")
                if inline is None:  # tags and the like: their names
                    spec[name] = {"fields": {"display_name": {}}}
                else:  # an inline list: its fields, its first page (the web client's default of 40 rows)
                    spec[name] = {"fields": spec_of(inline, descr["relation"]), "limit": 40}
            else:
                spec[name] = {}
        return spec

    return spec_of(etree.fromstring(views["views"]["form"]["arch"]), model)


def forget_bench_reads(started, logins):
    """The benchmark's managers' openings were logged like any other read: the benchmark's own rows go."""
    from odoo.tools import SQL

    with open_registry().cursor() as cr:
        cr.execute(
            SQL(
                "DELETE FROM vip_access_log WHERE date >= %s AND user_id IN "
                "(SELECT id FROM res_users WHERE login IN %s)",
                started,
                tuple(logins),
            )
        )
