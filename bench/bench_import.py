"""Import of 1,000,000 operation rows from a CSV file, as the background job loads it.

Run with `make bench` after bench_row_rules.py has filled the benchmark
database (100k dossiers). Measured in one run:

  * the first load of the file (every row new), rows/s;
  * the same file again (every row found already loaded: nothing written), rows/s;
  * for scale, a bare batch `vip.operation.create` of the same values for the
    first 100,000 rows, in the same run, and the import's ratio to it.

The load is the job's own body (`vip.import._run_job`, reading the uploaded file
from the filestore), in one transaction, as a back-office user; the file has 1%
rejected rows (unknown clients). Memory is the highest resident memory above
where it stood when the load started, sampled while it runs. Everything is
rolled back at the end. Results go to docs/bench_import.md.
"""

import base64
import gc
import os
import platform
import resource
import threading
import time

from common import open_registry, superuser_env, write_report

from odoo import api
from odoo.tools import SQL

ROWS = int(os.environ.get("VIP_BENCH_IMPORT_ROWS", 1_000_000))
SAMPLE = min(100_000, ROWS)


def resident_mb():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 1024 / 1024


class PeakMemory:
    """The highest resident memory above where it stood at the start, sampled while the block runs."""

    def __enter__(self):
        self.start = self.peak = resident_mb()
        self.running = True
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()
        return self

    def _sample(self):
        while self.running:
            self.peak = max(self.peak, resident_mb())
            time.sleep(0.05)

    def __exit__(self, *exc):
        self.running = False
        self.thread.join()
        self.peak = max(self.peak, resident_mb())

    @property
    def rise_mb(self):
        return self.peak - self.start


def make_file():
    lines = ["external_ref;client_ref;date;operation_type;direction;amount;currency;product;channel;description"]
    types = ("deposit", "withdrawal", "card", "fee", "fx")
    for g in range(ROWS):
        client = f"B-{1 + g % 100000}" if g % 100 else f"NOBODY-{g}"
        lines.append(
            f"BI-{g};{client};2025-{1 + g % 12:02d}-{1 + g % 28:02d};{types[g % 5]};{'in' if g % 5 == 0 else 'out'};"
            f"{10 + (g * 7919) % 1000000 / 100:.2f};;Account {g % 100000:012d};online;Operation {g}"
        )
    return "\n".join(lines).encode()


def main():
    registry = open_registry()
    from odoo.addons.vip_import.models.import_readers import read_rows  # importable once the registry is loaded

    data = make_file()
    results = {}
    with registry.cursor() as cr:
        env = superuser_env(cr)
        back_office = env["res.users"].search([("login", "=", "bench_back_office")]) or env["res.users"].create(
            {
                "name": "Bench Back Office",
                "login": "bench_back_office",
                "groups_id": [(6, 0, env.ref("vip_import.group_vip_import").ids)],
            }
        )
        env = api.Environment(cr, back_office.id, {"lang": "en_US", "tz": "UTC"})
        Import = env["vip.import"]
        # the file is uploaded first, as a back-office user does: the job reads it from the filestore
        records = {
            label: Import.create(
                {
                    "kind": "operation",
                    "source": "bench_import",
                    "file": base64.b64encode(data),
                    "file_name": "bench.csv",
                    "row_count": ROWS,
                    "state": "queued",
                }
            )
            for label in ("first", "again")
        }
        env.flush_all()
        # what the old job held before reading a row: the field's value, its bytes, its text
        env.invalidate_all()
        gc.collect()
        with PeakMemory() as whole:
            text = base64.b64decode(records["first"].with_context(bin_size=False).file).decode("utf-8-sig")
            del text
        # nothing of the file stays in memory before the loads start: the cache held both uploads
        env.invalidate_all()
        gc.collect()
        for label, record in records.items():
            cr.execute(SQL("SELECT count(*) FROM vip_operation"))
            before_rows = cr.fetchone()[0]
            with PeakMemory() as memory:
                start = time.perf_counter()
                record._run_job()  # the job's own body
                seconds = time.perf_counter() - start
            assert record.state == "done", record.error
            cr.execute(SQL("SELECT count(*) FROM vip_operation"))
            results[label] = {
                "seconds": seconds,
                "created": record.created_count,
                "unchanged": record.unchanged_count,
                "rejected": record.rejected_count,
                "written": cr.fetchone()[0] - before_rows,
                "rise_mb": memory.rise_mb,
            }

        # baseline: the ORM's own batch create of the same values, for the first SAMPLE rows
        sample = Import.create({"kind": "operation", "source": "bench_base"})
        lookups, vals_list = sample._lookups(), []
        rows = []
        for number, row in read_rows(data):
            if len(rows) >= SAMPLE:
                break
            rows.append((number, row))
        clients = sample._clients({row["client_ref"] for _n, row in rows})
        for _n, row in rows:
            vals, reason, _message = sample._row_values(row, clients, lookups)
            if not reason:
                vals_list.append(vals)
        Operation = env["vip.operation"].sudo()
        start = time.perf_counter()
        for index in range(0, len(vals_list), 2000):
            Operation.create(vals_list[index : index + 2000])
            env.flush_all()
            env.invalidate_all()
        results["bare"] = {"seconds": time.perf_counter() - start, "created": len(vals_list)}
        cr.rollback()

    first, again, bare = results["first"], results["again"], results["bare"]
    import_rate, bare_rate = first["created"] / first["seconds"], bare["created"] / bare["seconds"]
    lines = [
        "# Benchmark: import of operations",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"`bench/bench_import.py`, a CSV of {ROWS:,} operation rows ({len(data) / 1024 / 1024:.0f} MB, 1% unknown "
        "clients), uploaded, then loaded by the background job's own body (`vip.import._run_job`, which reads the "
        "file from the filestore as it goes) as a back-office user, in one transaction, rolled back at the end. "
        "Memory: the highest resident memory of the process above where it stood when the load started, "
        "the ORM cache emptied before.",
        "",
        "| | rows | loaded | already loaded | rejected | seconds | rows/s | memory rise (MB) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
        f"| first load | {ROWS:,} | {first['created']:,} | {first['unchanged']:,} | {first['rejected']:,} | "
        f"{first['seconds']:.0f} | **{ROWS / first['seconds']:,.0f}** | {first['rise_mb']:.0f} |",
        f"| same file again | {ROWS:,} | {again['created']:,} | {again['unchanged']:,} | {again['rejected']:,} | "
        f"{again['seconds']:.0f} | **{ROWS / again['seconds']:,.0f}** | {again['rise_mb']:.0f} |",
        f"| bare `vip.operation.create`, batches of 2,000 (first {SAMPLE:,} rows) | {bare['created']:,} | "
        f"{bare['created']:,} | | | {bare['seconds']:.0f} | {bare_rate:,.0f} | |",
        "",
        f"Reading the file whole before the first row, as the job did before it streamed (the field's base64 "
        f"value, its bytes, its text), takes {whole.rise_mb:.0f} MB by itself, measured the same way.",
        "",
        f"The import creates operations at **{import_rate / bare_rate:.2f}×** the rate of a bare batch create of the "
        "same values (reading, checking, matching and reporting included). The second load wrote "
        f"{again['written']} rows: re-importing the same file changes nothing. Both loads run in one transaction, "
        "so the second checks each reference against a million rows not yet committed, the least favourable case.",
    ]
    write_report("bench_import.md", lines)


if __name__ == "__main__":
    main()
