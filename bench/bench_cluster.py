"""Twenty managers at once against one Odoo node, then against two (docs/DEPLOY.md).

The same work as bench_concurrency.py (each manager opens a client's dossier form, then the client's
contact form, 25 times), on the benchmark database (100k clients, 300 managers; bench_row_rules.py
fills it). First against one node with two workers, then against two such nodes, the managers shared
between them as a proxy would share them; both nodes read through the streaming replica of the local
PostgreSQL (`make bench` makes it). Side by side: calls served per second back to back, and the median
and 95th percentile of an opening as people work and back to back.

The machine's cores bound what a second node can add: on a machine with as many cores as workers,
a second node on the same machine shares the same CPUs. The figure says what the nodes cost and that
they stay correct (no error), not what a second machine would bring.
"""

import os
import platform
from datetime import datetime

from bench_concurrency import THINK, percentile, prepare, together
from common import DB, forget_bench_reads, write_report
from odoo_rpc import start_server, stop_server  # bench_concurrency put tools/ on the path

import odoo
from odoo.tools import config

REPLICA_PORT = os.environ.get("VIP_PG_REPLICA_PORT")


def start_nodes(count):
    """``count`` nodes with two workers each, reading through the replica when there is one."""
    odoo_bin = os.path.join(os.path.dirname(os.path.dirname(odoo.__file__)), "odoo-bin")
    replica = ["--db_replica_host=127.0.0.1", f"--db_replica_port={REPLICA_PORT}"] if REPLICA_PORT else []
    nodes = []
    for n in range(count):
        log = open(os.path.join(os.path.dirname(config.rcfile or "."), f"bench-node{n + 1}.log"), "w")  # noqa: SIM115
        proc, url = start_server(odoo_bin, config.rcfile, DB, log, "--workers=2", "--log-level=warn", *replica)
        nodes.append((proc, url, log))
    return nodes


def measure(count, logins, specs):
    nodes = start_nodes(count)
    try:
        urls = [url for _proc, url, _log in nodes]
        return together(urls, logins, specs, THINK), together(urls, logins, specs, None)
    finally:
        for proc, _url, log in nodes:
            stop_server(proc)
            log.close()


def main():
    logins, specs, _counts = prepare()
    started = odoo.fields.Datetime.now()
    results = {count: measure(count, logins, specs) for count in (1, 2)}
    forget_bench_reads(started, logins)
    errors = [e for working, saturated in results.values() for e in working[1] + saturated[1]]

    def all_timings(phase):
        return phase[0]["vip.dossier"] + phase[0]["res.partner"]

    rows = []
    for label, pick in (
        ("as people work, median", lambda w, s: percentile(all_timings(w), 0.5)),
        ("as people work, 95th percentile", lambda w, s: percentile(all_timings(w), 0.95)),
        ("back to back, median", lambda w, s: percentile(all_timings(s), 0.5)),
        ("back to back, 95th percentile", lambda w, s: percentile(all_timings(s), 0.95)),
    ):
        one, two = pick(*results[1]), pick(*results[2])
        rows.append(f"| {label} | {one:.0f} ms | {two:.0f} ms | {two / one:.2f} |")
    one_rate, two_rate = results[1][1][2], results[2][1][2]
    rows.append(
        f"| **calls served per second, back to back** | {one_rate:.0f} | {two_rate:.0f} "
        f"| **{two_rate / one_rate:.2f}** |"
    )
    lines = [
        "# Twenty managers at once: one node against two",
        "",
        f"Measured {datetime.now():%Y-%m-%d %H:%M} on {platform.node()} ({os.cpu_count()} cores) by "
        "`bench/bench_cluster.py`, on the benchmark database (100,000 clients, 300 managers). Each node: "
        "`--workers=2`, no cron thread"
        + (f", reading through the streaming replica (port {REPLICA_PORT})" if REPLICA_PORT else "")
        + f". {len(logins)} managers, each opening a client's dossier form then its contact form "
        f"(`web_read` as the web client asks), 25 times; as people work they pause {THINK[0]}–{THINK[1]} s "
        "after each form; back to back they do not. With two nodes, the managers are shared between "
        "them in turn.",
        "",
        "| | one node | two nodes | two / one |",
        "| --- | ---: | ---: | ---: |",
        *rows,
        "",
        f"- **errors: {len(errors)}** (target 0).",
        f"- On this machine the two nodes share the same {os.cpu_count()} cores (with the replica's "
        "replay): a second node adds workers, not CPU. As people work, neither node is saturated and an "
        "opening costs about what it costs on one node; back to back, the extra processes compete for the "
        "same cores, which is what the two / one ratios of that row measure. What a second node brings "
        "(its own cores) needs a second machine; what this run shows is that two nodes serve the same "
        "managers with no error, sessions, replica reads and the access log on the primary included.",
        "",
    ]
    write_report("bench_cluster.md", lines)


if __name__ == "__main__":
    main()
