# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
from datetime import date
from unittest.mock import patch

import openpyxl
import xlsxwriter

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.queue_job.job import Job
from odoo.addons.vip_import.models import vip_import as vip_import_module
from odoo.addons.vip_security.tests.common import VipSecurityCase

SOURCE = "test_core_banking"
HEADER = "external_ref;client_ref;date;operation_type;direction;amount;currency;product;channel;description"
GOOD = [
    "OP-1;T-0001;2026-03-01;deposit;in;1000000;RUB;Current account;branch;Salary",
    "OP-2;T-0001;02.03.2026;card;out;1 234,50;;Gold card;online;Restaurant",
    "OP-3;T-0002;2026-03-03;Card payment;;99.90;RUB;;;",
    "OP-4;T-0001;2026-03-04;fx;out;500;USD;;mobile;",
]


def csv_file(*lines, header=HEADER, encoding="utf-8"):
    return base64.b64encode("\n".join([header, *lines]).encode(encoding))


def xlsx_file(rows):
    out = io.BytesIO()
    workbook = xlsxwriter.Workbook(out)
    sheet = workbook.add_worksheet()
    date_format = workbook.add_format({"num_format": "dd.mm.yyyy"})
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, date):
                sheet.write_datetime(r, c, value, date_format)
            else:
                sheet.write(r, c, value)
    workbook.close()
    return base64.b64encode(out.getvalue())


@tagged("post_install", "-at_install")
class TestVipImport(VipSecurityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.back_office = new_test_user(cls.env, "vip_t_back_office", groups="vip_import.group_vip_import")
        cls.back_office2 = new_test_user(cls.env, "vip_t_back_office2", groups="vip_import.group_vip_import")
        cls.Operation = cls.env["vip.operation"]
        cls.usd = cls.env.ref("base.USD")
        cls.usd.active = True

    def run_import(self, file, kind="operation", user=None, name="operations.csv"):
        # a source of its own: the demo data has core-banking operations too
        record = (
            self.env["vip.import"]
            .with_user(user or self.back_office)
            .create({"kind": kind, "file": file, "file_name": name, "source": SOURCE})
        )
        record.action_import()
        return record.sudo()

    def imported(self, source=SOURCE):
        return self.Operation.search([("source", "=", source)], order="external_ref")

    def test_good_file_loads_every_row(self):
        record = self.run_import(csv_file(*GOOD))
        self.assertEqual(record.state, "done")
        self.assertEqual((record.row_count, record.created_count, record.rejected_count), (4, 4, 0))
        ops = self.imported()
        self.assertEqual(ops.mapped("external_ref"), ["OP-1", "OP-2", "OP-3", "OP-4"])
        op1, op2, op3, op4 = ops
        self.assertEqual(
            (op1.dossier_id, op1.date, op1.operation_type, op1.direction),
            (self.dossier, date(2026, 3, 1), "deposit", "in"),
        )
        self.assertEqual(
            (op1.amount, op1.product, op1.channel, op1.description), (1000000, "Current account", "branch", "Salary")
        )
        # DD.MM.YYYY, decimal comma and a space as thousands separator, the company currency by default
        self.assertEqual(
            (op2.date, op2.amount, op2.currency_id), (date(2026, 3, 2), 1234.5, self.env.company.currency_id)
        )
        # a label instead of the code, the direction from the type
        self.assertEqual((op3.dossier_id, op3.operation_type, op3.direction), (self.other_dossier, "card", "out"))
        self.assertEqual(op4.currency_id, self.usd)
        self.assertEqual(op1.import_id, record)
        # the user who started it is told
        self.assertIn("4 loaded", " ".join(record.message_ids.mapped("body")))

    def test_an_abandoned_draft_is_no_json_rpc_import_and_goes(self):
        """A form opened with New and left with Back: named by its time, not "JSON-RPC", and cleaned up."""
        draft = self.env["vip.import"].with_user(self.back_office).create({"kind": "operation"})
        self.assertNotIn("JSON-RPC", draft.name)
        loaded = self.run_import(csv_file(*GOOD))
        self.env["vip.import"]._gc_abandoned_drafts()
        self.assertTrue(draft.exists(), "a draft being filled in stays")
        self.env.cr.execute(
            "UPDATE vip_import SET create_date = create_date - interval '2 days' WHERE id IN %s",
            [(draft.id, loaded.id)],
        )
        self.env["vip.import"]._gc_abandoned_drafts()
        self.assertFalse(draft.exists())
        self.assertTrue(loaded.exists())

    def test_same_file_twice_changes_nothing(self):
        first = self.run_import(csv_file(*GOOD))
        before = self.imported().read(["external_ref", "amount", "date", "write_date", "import_id"])
        second = self.run_import(csv_file(*GOOD))
        self.assertEqual((second.created_count, second.unchanged_count, second.rejected_count), (0, 4, 0))
        self.assertEqual(self.imported().read(["external_ref", "amount", "date", "write_date", "import_id"]), before)
        self.assertTrue(all(op["import_id"][0] == first.id for op in before))

    def test_each_kind_of_bad_row_is_reported_and_good_rows_load(self):
        self.run_import(csv_file(GOOD[0]))
        record = self.run_import(
            csv_file(
                "OP-10;NOBODY;2026-03-01;deposit;in;10;RUB;;;",  # unknown client
                "OP-11;T-0001;31.02.2026;deposit;in;10;RUB;;;",  # no such day
                "OP-12;T-0001;2099-01-01;deposit;in;10;RUB;;;",  # future
                "OP-13;T-0001;2026-03-01;deposit;in;ten;RUB;;;",  # not a number
                "OP-14;T-0001;2026-03-01;deposit;in;0;RUB;;;",  # not positive
                "OP-15;T-0001;2026-03-01;lottery;in;10;RUB;;;",  # unknown type
                "OP-16;T-0001;2026-03-01;deposit;in;10;XXX;;;",  # unknown currency
                ";T-0001;2026-03-01;deposit;in;10;RUB;;;",  # no reference
                "OP-17;T-0001;2026-03-01;deposit;in;10;RUB;;;",  # good
                "OP-17;T-0001;2026-03-01;deposit;in;10;RUB;;;",  # twice in the file
                "OP-1;T-0001;2026-03-01;deposit;in;999;RUB;;;",  # loaded before, with another amount
            )
        )
        self.assertEqual((record.row_count, record.created_count, record.rejected_count), (11, 1, 10))
        reasons = [(r.row, r.external_ref or "", r.reason) for r in record.rejection_ids]
        self.assertEqual(
            reasons,
            [
                (2, "OP-10", "unknown_client"),
                (3, "OP-11", "bad_date"),
                (4, "OP-12", "bad_date"),
                (5, "OP-13", "bad_amount"),
                (6, "OP-14", "bad_amount"),
                (7, "OP-15", "bad_value"),
                (8, "OP-16", "bad_value"),
                (9, "", "missing"),
                (11, "OP-17", "duplicate"),
                (12, "OP-1", "duplicate"),
            ],
        )
        self.assertIn("NOBODY", record.rejection_ids[0].message)
        self.assertEqual(self.imported().mapped("external_ref"), ["OP-1", "OP-17"])
        self.assertEqual(self.imported()[0].amount, 1000000, "a conflicting row never overwrites")
        # the rejected rows come back as a file to fix and load again
        rejected = base64.b64decode(record.rejected_file).decode("utf-8-sig").splitlines()
        self.assertEqual(len(rejected), 11)
        self.assertTrue(rejected[1].startswith("2;") and "NOBODY" in rejected[1])

    def test_an_empty_cell_is_missing_and_a_bad_one_is_quoted_as_written(self):
        record = self.run_import(
            csv_file(
                "OP-20;T-0001;;deposit;in;10;RUB;;;",
                "OP-21;T-0001;2026-03-01;deposit;in;;RUB;;;",
                "OP-22;T-0001;2026-03-01;;in;10;RUB;;;",
                "OP-23;T-0001;31.02.2026;deposit;in;10;RUB;;;",
                "OP-24;T-0001;2026-03-01;deposit;in;ten;RUB;;;",
            )
        )
        self.assertEqual(
            [(r.external_ref, r.reason, r.message) for r in record.rejection_ids],
            [
                ("OP-20", "missing", "The date is empty."),
                ("OP-21", "missing", "The amount is empty."),
                ("OP-22", "missing", "The operation type is empty."),
                ("OP-23", "bad_date", '"31.02.2026" is not a date (use YYYY-MM-DD or DD.MM.YYYY).'),
                ("OP-24", "bad_amount", '"ten" is not an amount.'),
            ],
        )
        income = self.run_import(
            csv_file("IN-20;T-0001;2026-03-01;;10", header="external_ref;client_ref;date;product_line;amount"),
            kind="income",
        )
        self.assertEqual(
            [(r.reason, r.message) for r in income.rejection_ids], [("missing", "The product line is empty.")]
        )

    def test_xlsx_and_cp1251_csv_give_the_same_result(self):
        rows = [
            ["external_ref", "client_ref", "date", "type", "amount", "description"],
            ["X-1", "T-0001", date(2026, 3, 5), "fee", 150.25, "Комиссия"],
            ["X-2", 1001, "2026-03-06", "deposit", 10, None],  # a client ID typed as a number
            ["X-3", "T-0001", "not a date", "fee", 1, None],
        ]
        self.env["vip.dossier"].create({"name": "Numbered", "user_id": self.manager.id, "client_ref": "1001"})
        record = self.run_import(xlsx_file(rows), name="ops.xlsx")
        self.assertEqual((record.created_count, record.rejected_count), (2, 1))
        self.assertEqual(record.rejection_ids.reason, "bad_date")
        x1 = self.imported().filtered(lambda op: op.external_ref == "X-1")
        self.assertEqual(
            (x1.date, x1.amount, x1.direction, x1.description), (date(2026, 3, 5), 150.25, "out", "Комиссия")
        )

        lines = [
            ";".join("" if v is None else v.isoformat() if isinstance(v, date) else str(v) for v in row) for row in rows
        ]
        record = self.run_import(
            csv_file(*[line.replace("X-", "C-") for line in lines[1:]], header=lines[0], encoding="cp1251")
        )
        self.assertEqual((record.created_count, record.rejected_count), (2, 1))
        c1 = self.imported().filtered(lambda op: op.external_ref == "C-1")
        self.assertEqual(c1.description, "Комиссия")

    def test_amounts_as_bank_systems_write_them(self):
        Import = self.env["vip.import"]
        for text, amount in (
            ("1 234,50", 1234.5),
            ("1234,5", 1234.5),
            ("1,234.56", 1234.56),
            ("1.234,56", 1234.56),
            ("1\u00a0000 000,00", 1000000.0),
            (1500, 1500.0),
        ):
            self.assertEqual(Import._amount(text), amount, text)
        for text in ("ten", "", "1,2,3.4.5", "nan1"):
            self.assertIsNone(Import._amount(text), text)

    def test_income_file(self):
        header = "external_ref,client_ref,date,product_line,amount"
        record = self.run_import(
            csv_file(
                "IN-1,T-0001,2026-02-15,fees,1200.5",
                "IN-2,T-0001,2026-02-01,interest,-100",  # a correction
                "IN-3,T-0001,2099-02-01,fees,1",
                "IN-4,T-0001,2026-02-01,lottery,1",
                header=header,
            ),
            kind="income",
        )
        self.assertEqual((record.created_count, record.rejected_count), (2, 2))
        income = self.env["vip.income"].search([("source", "=", SOURCE)], order="external_ref")
        self.assertEqual(income.mapped("date"), [date(2026, 2, 1)] * 2, "income is booked per month")
        self.assertEqual(income.mapped("amount"), [1200.5, -100])
        self.assertEqual(record.rejection_ids.mapped("reason"), ["bad_date", "bad_value"])

    def test_imported_income_is_earned_by_the_manager_at_the_time(self):
        """The back office reads no dossier, yet each line it loads (file or JSON-RPC) is earned by the
        client's manager of the day, and stays theirs when the client changes hands."""
        row = {"external_ref": "E-1", "client_ref": "T-0001", "date": "2026-02-01", "product_line": "fees", "amount": 9}
        Import = self.env["vip.import"].with_user(self.back_office)
        Import.import_rows("income", [row], source=SOURCE)
        self.dossier.user_id = self.manager2
        self.env.flush_all()
        Import.import_rows("income", [dict(row, external_ref="E-2")], source=SOURCE)
        self.run_import(
            csv_file("E-3,T-0001,2026-02-01,fees,1", header="external_ref,client_ref,date,product_line,amount"),
            kind="income",
        )
        self.env.invalidate_all()
        income = self.env["vip.income"].search([("source", "=", SOURCE)], order="external_ref")
        self.assertEqual(income.mapped("external_ref"), ["E-1", "E-2", "E-3"])
        self.assertEqual([line.user_id for line in income], [self.manager, self.manager2, self.manager2])
        # loading the same line again changes nothing, the earner included
        self.dossier.user_id = self.manager
        again = Import.import_rows("income", [row], source=SOURCE)
        self.assertEqual((again["created"], again["unchanged"]), (0, 1))
        self.assertEqual(income[0].user_id, self.manager)
        self.assertEqual(income[1].user_id, self.manager2)

    def test_file_errors_are_explained_and_load_nothing(self):
        with self.assertRaisesMessage(UserError, "lacks the column.*amount"):
            self.run_import(csv_file("A;T-0001", header="external_ref;client_ref"))
        with self.assertRaisesMessage(UserError, "no rows"):
            self.run_import(csv_file(header=HEADER))
        with self.assertRaisesMessage(UserError, "neither UTF-8"):
            self.run_import(base64.b64encode(b"\x98\x98\x98\n"))
        with self.assertRaisesMessage(UserError, "looks like XLSX"):
            self.run_import(base64.b64encode(b"PK\x03\x04 broken"))
        with self.assertRaisesMessage(UserError, "Choose the file"):
            self.env["vip.import"].with_user(self.back_office).create({"kind": "operation"}).action_import()
        self.assertFalse(self.imported())

    def perform_job(self, record):
        """What queue_job's runner does with the job the import stored."""
        job = self.env["queue.job"].search([("uuid", "=", record.job_uuid)])
        self.assertEqual((job.state, job.model_name, job.method_name), ("pending", "vip.import", "_run_job"))
        self.assertEqual(job.channel, "root.vip_import")
        Job.load(self.env, record.job_uuid).perform()
        record.invalidate_recordset()

    def test_big_file_runs_as_a_job(self):
        self.env["ir.config_parameter"].set_param("vip_import.sync_rows", 2)
        record = self.run_import(csv_file(*GOOD))
        self.assertEqual((record.state, record.row_count), ("queued", 4))
        self.assertFalse(self.imported(), "an HTTP request never holds a big load")
        self.perform_job(record)
        self.assertEqual((record.state, record.created_count, record.progress), ("done", 4, 100))
        self.assertEqual(len(self.imported()), 4)

    def test_progress_is_visible_while_the_job_runs(self):
        self.env["ir.config_parameter"].set_param("vip_import.sync_rows", 2)
        record = self.run_import(csv_file(*GOOD))
        self.assertEqual(record.progress, 0)
        # what the job commits on its own connection after each chunk of rows; in test mode that
        # connection is the test's own, so what it writes is seen here and rolled back with the test
        self.registry.enter_test_mode(self.cr)
        self.addCleanup(self.registry.leave_test_mode)
        record.with_context(vip_report_progress=True)._report_progress(1, 4)
        record.invalidate_recordset(["progress"])
        self.assertEqual(record.with_user(self.back_office).progress, 25)
        # without the job's context nothing is reported (a JSON-RPC load is answered at once)
        record._report_progress(3, 4)
        record.invalidate_recordset(["progress"])
        self.assertEqual(record.progress, 25)
        self.perform_job(record)
        self.assertEqual(record.progress, 100)

    def test_broken_job_loads_nothing_and_says_why(self):
        self.env["ir.config_parameter"].set_param("vip_import.sync_rows", 0)
        record = self.run_import(csv_file(*GOOD, "OP-9;T-0001;2026-03-09;deposit;in;1;RUB;;;"))
        # the file changes before the job runs: its header no longer fits
        record.file = csv_file(*GOOD, header="external_ref;client_ref;date;operation_type;direction")
        self.perform_job(record)
        self.assertEqual(record.state, "failed")
        self.assertIn("lacks the column", record.error)
        self.assertFalse(self.imported())
        self.assertIn("Import failed", " ".join(record.message_ids.mapped("body")))

    def test_a_bad_byte_far_down_the_file_loads_nothing(self):
        """The file is read as it goes, never whole: a byte no encoding knows, several written chunks
        down the file, fails the job and takes back what it had written."""
        self.env["ir.config_parameter"].set_param("vip_import.sync_rows", 0)
        rows = [f"R-{i};T-0001;2026-03-01;fee;out;5;RUB;;branch;Комиссия" for i in range(700)]
        data = "\n".join([HEADER, *rows]).encode("cp1251") + b"\nR-X;T-0001;2026-03-05;fee;out;5;RUB;;;\x98\n"
        self.assertGreater(len(data), 4 * 8192, "well past what a text reader decodes at its first read")
        record = self.run_import(base64.b64encode(data))
        self.assertEqual((record.state, record.row_count), ("queued", 701))
        written = []
        original = type(record)._load_chunk

        def load_chunk(import_, chunk, *args):
            original(import_, chunk, *args)
            written.append(len(chunk))

        with patch.object(vip_import_module, "CHUNK", 50), patch.object(type(record), "_load_chunk", load_chunk):
            self.perform_job(record)
        self.assertGreaterEqual(len(written), 3, "chunks were written before the bad byte was read")
        self.assertEqual(record.state, "failed")
        self.assertIn("neither UTF-8", record.error)
        self.assertFalse(self.imported(), "the chunks already written were taken back")

    def test_old_mac_line_ends(self):
        """A lone CR ends a line in files from old Mac software: every row is counted and loaded."""
        record = self.run_import(base64.b64encode("\r".join([HEADER, *GOOD]).encode()))
        self.assertEqual((record.state, record.row_count, record.created_count), ("done", 4, 4))

    def test_import_rows_for_the_nightly_job(self):
        rows = [
            {
                "external_ref": "N-1",
                "client_ref": "T-0001",
                "date": "2026-03-01",
                "operation_type": "deposit",
                "amount": 10,
            },
            {
                "external_ref": "N-2",
                "client_ref": "T-9999",
                "date": "2026-03-01",
                "operation_type": "deposit",
                "amount": 10,
            },
        ]
        Import = self.env["vip.import"].with_user(self.back_office)
        result = Import.import_rows("operation", rows, source=SOURCE)
        self.assertEqual((result["created"], result["unchanged"]), (1, 0))
        self.assertEqual(
            [(r["row"], r["external_ref"], r["reason"]) for r in result["rejected"]], [(2, "N-2", "unknown_client")]
        )
        again = Import.import_rows("operation", rows, source=SOURCE)
        self.assertEqual((again["created"], again["unchanged"], len(again["rejected"])), (0, 1, 1))
        with self.assertRaisesMessage(UserError, "Unknown kind"):
            Import.import_rows("loans", rows)
        with self.assertRaisesMessage(UserError, "list of objects"):
            Import.import_rows("operation", "N-1;T-0001")

    def test_who_may_import_and_see_imports(self):
        record = self.run_import(csv_file(*GOOD))
        # the back office loads operations but reads no client
        with self.assertRaises(AccessError):
            self.env["vip.dossier"].with_user(self.back_office).search([])
        with self.assertRaises(AccessError):
            self.Operation.with_user(self.back_office).search([])
        # nor the imports of a colleague
        self.assertFalse(self.env["vip.import"].with_user(self.back_office2).search([("id", "=", record.id)]))
        self.assertFalse(self.env["vip.import.rejection"].with_user(self.back_office2).search([]))
        # managers do not import; supervisors see every import
        for user in (self.manager, self.employee, self.emergency):
            with self.assertRaises(AccessError):
                self.env["vip.import"].with_user(user).create({"kind": "operation"})
        self.assertEqual(self.env["vip.import"].with_user(self.supervisor).search([("id", "=", record.id)]), record)
        # the managers see what was loaded for their own clients only
        mine = self.Operation.with_user(self.manager).search([("source", "=", SOURCE)])
        self.assertEqual(mine.mapped("external_ref"), ["OP-4", "OP-2", "OP-1"])

    def test_xlsx_reader_handles_what_openpyxl_writes(self):
        """Files saved by other spreadsheet programs (openpyxl here) are read too, empty rows skipped."""
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.append(["External Ref", "Client Ref", "Date", "Operation Type", "Amount"])
        sheet.append(["O-1", "T-0001", date(2026, 3, 1), "deposit", 5])
        sheet.append([None, None, None, None, None])
        sheet.append(["O-2", "T-0001", date(2026, 3, 2), "deposit", 6])
        out = io.BytesIO()
        workbook.save(out)
        record = self.run_import(base64.b64encode(out.getvalue()))
        self.assertEqual((record.row_count, record.created_count), (2, 2))
