"""Twenty managers at once over JSON-RPC, against a server with two workers.

Run with `make bench` after bench_row_rules.py has filled the benchmark
database (100k dossiers, 300 managers). It measures the design's targets:

  * 20 concurrent managers, `workers=2`: no errors, and the 95th percentile of
    opening a dossier form (`vip.dossier.web_read` as the web client asks for
    it, row rules, money fields and the access log included) at most 2× that of
    opening a plain contact's form (`res.partner.web_read`, stock rules), both
    measured side by side under the same load: one manager alone, 20 as people
    work (a pause after each form), 20 back to back (the workers saturated);
  * the SQL queries of opening a dossier form, for clients with 1, 10 and 100
    relatives, preferences, trusted persons and interactions (and 25 operations
    for each): constant, at most 40.

The server is started here, on a free port, and stopped at the end; the
access log rows it writes are deleted. Results go to docs/bench_concurrency.md.
"""

import os
import platform
import random
import sys
import threading
import time
from datetime import datetime

from common import DB, forget_bench_reads, form_spec, open_registry, superuser_env, write_report

import odoo
from odoo.tools import SQL, config

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tools"))
from odoo_rpc import Client, start_server, stop_server

MANAGERS = int(os.environ.get("VIP_BENCH_MANAGERS", 20))
OPENINGS = int(os.environ.get("VIP_BENCH_OPENINGS", 25))
THINK = (0.5, 1.5)  # seconds between two openings, as a person reads the form before the next
CLIENTS = 20  # each manager opens this many of their clients, and their contacts, in turn
PASSWORD = "bench"  # the benchmark database's own users


def prepare():
    """The managers (with a password), the two form specifications, and the query counts."""
    registry = open_registry()
    with registry.cursor() as cr:
        env = superuser_env(cr)
        managers = env["res.users"].search([("login", "=like", "bench_manager_%")], order="id", limit=MANAGERS)
        if len(managers) < MANAGERS:
            sys.exit("run bench/bench_row_rules.py first: it creates the benchmark's managers")
        # one hash for all of them (hashing is deliberately slow)
        digest = env["res.users"]._crypt_context().hash(PASSWORD)
        cr.execute(SQL("UPDATE res_users SET password = %s WHERE id IN %s", digest, tuple(managers.ids)))
        cr.commit()
        # queries of one opening: a client with one of everything against one with a big family and a
        # long history (made here, rolled back below)
        manager = managers[0]
        Dossier = env["vip.dossier"].with_context(tracking_disable=True, mail_create_nolog=True)
        spouse = env.ref("vip_dossier.vip_relation_type_spouse")
        gifts = env.ref("vip_dossier.vip_preference_category_gifts")
        sizes = {1: 25, 10: 250, 100: 2500}  # relatives, preferences, trusted persons, interactions: operations
        clients = {}
        for n, operations in sizes.items():
            dossier = Dossier.create({"name": f"Bench Client with {n}", "user_id": manager.id})
            clients[n] = dossier
            env["vip.relative"].create(
                [
                    {
                        "dossier_id": dossier.id,
                        "relation_type_id": spouse.id,
                        "first_name": f"Relative {i}",
                        "birth_date": f"1990-01-{1 + i % 28:02d}",
                    }
                    for i in range(n)
                ]
            )
            env["vip.preference"].create(
                [{"dossier_id": dossier.id, "category_id": gifts.id, "value": f"P{i}"} for i in range(n)]
            )
            env["vip.trusted.person"].create(
                [
                    {"dossier_id": dossier.id, "name": f"T{i}", "scope": "All", "valid_from": "2025-01-01"}
                    for i in range(n)
                ]
            )
            env["vip.interaction"].create([{"dossier_id": dossier.id, "subject": f"Call {i}"} for i in range(n)])
            env["vip.operation"].create(
                [
                    {"dossier_id": dossier.id, "date": "2026-01-01", "operation_type": "fee", "amount": i + 1}
                    for i in range(operations)
                ]
            )
        env.flush_all()
        context = {"lang": "en_US", "tz": "UTC", "bin_size": True}
        as_manager = env(user=manager, su=False, context=context)
        specs = {model: form_spec(as_manager, model) for model in ("vip.dossier", "res.partner")}
        counts = {}
        for n, client in [*clients.items(), *clients.items()]:  # the first round warms the caches
            label = f"{n} relative{'s' * (n > 1)}, preference{'s' * (n > 1)}, trusted person{'s' * (n > 1)} and "
            label += f"interaction{'s' * (n > 1)}, {sizes[n]:,} operations"
            env.invalidate_all()
            before = cr.sql_log_count
            as_manager["vip.dossier"].browse(client.id).web_read(specs["vip.dossier"])
            counts[label] = cr.sql_log_count - before
        logins = managers.mapped("login")
        cr.rollback()
    return logins, specs, counts


def start():
    odoo_bin = os.path.join(os.path.dirname(os.path.dirname(odoo.__file__)), "odoo-bin")
    log = open(os.path.join(os.path.dirname(config.rcfile or "."), "bench-server.log"), "w")  # noqa: SIM115
    proc, url = start_server(odoo_bin, config.rcfile, DB, log, "--workers=2", "--log-level=warn")
    return proc, url, log


def work(url, login, specs, barrier, timings, errors, think):
    """Open a client's dossier, then the client's contact form, in turn, pausing ``think`` seconds
    (a range) after each; keep how long each opening took."""
    pause = random.Random(login)
    try:
        manager = Client(url, DB, login, PASSWORD, timeout=120, bin_size=True)
        clients = manager.call("vip.dossier", "search_read", [], ["partner_id"], limit=CLIENTS, order="id")
    except Exception as error:  # reported, not raised: the other managers go on
        errors.append(f"{login} could not start: {error}")
        barrier.abort()
        return
    barrier.wait()
    for i in range(OPENINGS):
        client = clients[i % len(clients)]
        for model, record_id in (("vip.dossier", client["id"]), ("res.partner", client["partner_id"][0])):
            start = time.perf_counter()
            try:
                manager.call(model, "web_read", [record_id], specification=specs[model])
            except Exception as error:  # counted as an error; the manager goes on
                errors.append(f"{login} {model} {record_id}: {error}")
                continue
            timings[model].append(time.perf_counter() - start)
            if think:
                time.sleep(pause.uniform(*think))


def together(urls, logins, specs, think):
    """All the managers at once, each on one of the servers ``urls`` (a URL, or several shared in turn,
    as a proxy shares them); their timings, errors, and the calls served per second."""
    urls = [urls] if isinstance(urls, str) else list(urls)
    timings, errors = {"vip.dossier": [], "res.partner": []}, []
    barrier = threading.Barrier(len(logins))
    threads = [
        threading.Thread(target=work, args=(urls[i % len(urls)], login, specs, barrier, timings, errors, think))
        for i, login in enumerate(logins)
    ]
    begin = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return timings, errors, sum(len(v) for v in timings.values()) / (time.perf_counter() - begin)


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] * 1000


def main():
    logins, specs, counts = prepare()
    proc, url, log = start()
    started = odoo.fields.Datetime.now()
    try:
        # one manager alone: what an opening costs with nobody waiting
        alone = {"vip.dossier": [], "res.partner": []}
        errors = []
        work(url, logins[0], specs, threading.Barrier(1), alone, errors, None)
        # all of them, as people work (a pause after each form), then back to back (the server saturated)
        working = together(url, logins, specs, THINK)
        saturated = together(url, logins, specs, None)
    finally:
        stop_server(proc)
        log.close()
    forget_bench_reads(started, logins)
    errors += working[1] + saturated[1]
    calls = sum(len(v) for phase in (alone, working[0], saturated[0]) for v in phase.values())

    def row(label, timings, share):
        dossier, contact = percentile(timings["vip.dossier"], share), percentile(timings["res.partner"], share)
        return f"| {label} | {dossier:.0f} ms | {contact:.0f} ms | **{dossier / contact:.2f}** |"

    lines = [
        "# Twenty managers at once",
        "",
        f"Measured {datetime.now():%Y-%m-%d %H:%M} on {platform.node()} ({os.cpu_count()} cores) by "
        "`bench/bench_concurrency.py`, on the benchmark database (100,000 clients, 300 managers), "
        "against an Odoo server started with `--workers=2`.",
        "",
        f"Each manager, in their own session, opens one of their clients' dossier forms, then that client's "
        f"contact form, {OPENINGS} times over (`web_read` with the specification the web client sends for "
        f"each form, built from the form views as the manager gets them: {len(specs['vip.dossier'])} fields "
        f"for the dossier, {len(specs['res.partner'])} for the contact). First one manager alone; then "
        f"{len(logins)} at once as people work, pausing {THINK[0]}–{THINK[1]} s after each form; then "
        f"{len(logins)} at once back to back, which saturates the two workers.",
        "",
        "| | dossier form | contact form | dossier / contact |",
        "| --- | ---: | ---: | ---: |",
        row("one manager alone, median", alone, 0.5),
        row(f"{len(logins)} at once as people work, median", working[0], 0.5),
        row(f"{len(logins)} at once as people work, **95th percentile** (target ≤ 2)", working[0], 0.95),
        row(f"{len(logins)} at once back to back, median", saturated[0], 0.5),
        row(f"{len(logins)} at once back to back, 95th percentile", saturated[0], 0.95),
        "",
        f"- **errors: {len(errors)}** (target 0) out of {calls + len(errors):,} calls; back to back, the two "
        f"workers served {saturated[2]:.0f} calls/s (as people work: {working[2]:.0f} calls/s asked)",
        "- SQL queries to open a dossier form as its manager (target: constant, ≤ 40): "
        + ", ".join(f"**{queries}** for a client with {label}" for label, queries in counts.items()),
        "",
        "From two relatives on, the relatives and the key dates take one more query each (their lists "
        "ask for fields the header's first read of them did not); the count then no longer grows. "
        "Back to back, waiting for a worker is most of every call, whatever the form: the ratio there "
        "says little about the forms themselves.",
        "",
    ]
    if errors:
        lines += ["First errors:", "", *(f"- {error}" for error in errors[:5]), ""]
    write_report("bench_concurrency.md", lines)
    if errors:
        sys.exit(1)


if __name__ == "__main__":
    main()
