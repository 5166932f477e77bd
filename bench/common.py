"""What every benchmark here does the same way: open the benchmark database, write its report."""

import os
import sys

import odoo
from odoo import SUPERUSER_ID, api

DB = os.environ.get("VIP_BENCH_DB", "vip_bench")
DOCS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "docs")


def open_registry():
    """The benchmark database's registry, with Odoo configured from the command line (-c …)."""
    odoo.tools.config.parse_config(sys.argv[1:])
    return odoo.modules.registry.Registry(DB)


def superuser_env(cr):
    return api.Environment(cr, SUPERUSER_ID, {"lang": "en_US", "tz": "UTC"})


def write_report(name, lines):
    """docs/<name>, and the same on the terminal."""
    text = "\n".join(lines)
    os.makedirs(DOCS, exist_ok=True)
    with open(os.path.join(DOCS, name), "w") as handle:
        handle.write(text)
    print(text)
