# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import csv
import io
import math

from hypothesis import given
from hypothesis import strategies as st

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.queue_job.job import Job
from odoo.addons.vip_dossier.models.vip_input_mixin import AMOUNT_LIMIT
from odoo.addons.vip_dossier.tests.fuzz import (
    FUZZ,
    FuzzMixin,
    amounts,
    date_strings,
    real,
    text_values,
    wrong_types,
)
from odoo.addons.vip_security.tests.common import VipSecurityCase

SOURCE = "fuzz_core_banking"
HEADER = ("external_ref", "client_ref", "date", "operation_type", "direction", "amount", "currency", "description")


def cell(good):
    """A column's value: mostly a good one, else anything at all."""
    return st.one_of(good, good, text_values, wrong_types, st.none())


hostile_operation = st.fixed_dictionaries(
    {
        "external_ref": cell(st.from_regex(r"H-[0-9]{1,6}", fullmatch=True)),
        "client_ref": cell(st.sampled_from(("T-0001", "T-0002", "T-9999", " T-0001 "))),
        "date": cell(st.one_of(st.just("2026-03-01"), date_strings)),
        "operation_type": cell(st.sampled_from(("deposit", "card", "Card payment", "fx", "fee", "bogus"))),
        "direction": cell(st.sampled_from(("in", "out", "", "Incoming", "sideways"))),
        "amount": cell(st.one_of(st.just("10"), amounts)),
        "currency": cell(st.sampled_from(("RUB", "USD", "", "XXX", "rub"))),
        "description": cell(st.just("Зарплата")),
    }
)
hostile_income = st.fixed_dictionaries(
    {
        "external_ref": cell(st.from_regex(r"H-[0-9]{1,6}", fullmatch=True)),
        "client_ref": cell(st.just("T-0001")),
        "date": cell(st.one_of(st.just("2026-03-01"), date_strings)),
        "line": cell(st.sampled_from(("fees", "Fees", "bogus"))),
        "amount": cell(st.one_of(st.just("12.5"), amounts)),
        "description": cell(st.just("Комиссия")),
    }
)


def good_operation(number):
    return {
        "external_ref": f"G-{number}",
        "client_ref": "T-0001",
        "date": "2026-03-01",
        "operation_type": "deposit",
        "direction": "in",
        "amount": "100.50",
        "currency": "RUB",
        "description": "Зарплата",
    }


def csv_bytes(rows):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow(["" if row.get(name) is None else str(row.get(name)) for name in HEADER])
    # what a file cannot hold (a lone surrogate) is written as the bytes a broken exporter would write
    return out.getvalue().encode("utf-8", "replace")


@tagged("post_install", "-at_install")
class TestVipImportFuzz(FuzzMixin, VipSecurityCase):
    """Random and hostile rows from the back office, over JSON-RPC and in files: every bad row is
    rejected with a reason, every good row is loaded, and the import ends done or failed, saying why."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.back_office = new_test_user(cls.env, "vip_t_back_office", groups="vip_import.group_vip_import")
        cls.Import = cls.env["vip.import"].with_user(cls.back_office)
        cls.env.ref("base.USD").active = True

    def loaded(self, model="vip.operation"):
        return self.env[model].search([("source", "=", SOURCE)])

    def assertLoadedSanely(self, records, rows=None):
        """Loaded rows hold sane values; over JSON-RPC (``rows``), each came from a row with text or a number
        in every cell, not a list, an object or true."""
        sent = {}
        for row in rows or ():
            sent.setdefault(self.env["vip.import"]._text(row.get("external_ref")), row)
        for record in records:
            self.assertTrue(math.isfinite(record.amount) and 0 < abs(record.amount) < AMOUNT_LIMIT, record.amount)
            self.assertTrue(record.external_ref and len(record.external_ref) <= 64)
            self.assertIn(record.dossier_id, self.dossier | self.other_dossier)
            if rows:
                row = sent[record.external_ref]
                for value in row.values():
                    self.assertNotIsInstance(value, list | dict, f"loaded from {row!r:.300}")
                    self.assertIsNot(value, True, f"loaded from {row!r:.300}")

    def check_report(self, result, rows, good_refs, model="vip.operation"):
        """Each row is loaded, found loaded already, or rejected with a reason; good rows are loaded."""
        rejected = result["rejected"]
        self.assertEqual(result["created"] + result["unchanged"] + len(rejected), len(rows))
        for rejection in rejected:
            self.assertTrue(rejection["reason"] and rejection["message"].strip(), rejection)
        loaded = self.loaded(model)
        self.assertLessEqual(set(good_refs), set(loaded.mapped("external_ref")), "every good row is loaded")
        self.assertEqual(len(loaded), result["created"])
        self.assertLoadedSanely(loaded, rows)
        record = self.env["vip.import"].browse(result["import_id"])
        self.assertEqual((record.state, record.rejected_count), ("done", len(rejected)))

    @FUZZ
    @given(hostile=st.lists(hostile_operation, min_size=1, max_size=6), good=st.integers(0, 3))
    def test_operations_over_json_rpc(self, hostile, good):
        rows = [good_operation(n) for n in range(good)] + real(hostile)
        result, error = self.attempt(
            lambda: self.Import.import_rows("operation", rows, source=SOURCE), f"import_rows {rows!r:.500}"
        )
        self.assertIsNone(error, "rows are rejected one by one, never the whole call")
        self.check_report(result, rows, [f"G-{n}" for n in range(good)])

    @FUZZ
    @given(hostile=st.lists(hostile_income, min_size=1, max_size=6))
    def test_income_over_json_rpc(self, hostile):
        rows = real(hostile)
        result, error = self.attempt(
            lambda: self.Import.import_rows("income", rows, source=SOURCE), f"import_rows {rows!r:.500}"
        )
        self.assertIsNone(error, "rows are rejected one by one, never the whole call")
        self.check_report(result, rows, [], model="vip.income")

    @FUZZ
    @given(
        kind=st.one_of(st.sampled_from(("operation", "income")), text_values, wrong_types),
        rows=st.one_of(wrong_types, text_values, st.lists(st.one_of(wrong_types, text_values), max_size=3)),
        source=st.one_of(st.just(SOURCE), text_values, wrong_types),
    )
    def test_wrong_types_over_json_rpc(self, kind, rows, source):
        """Whatever the call's arguments, a clear refusal or a report; never a bare error."""
        kind, rows, source = real(kind), real(rows), real(source)
        imports = self.env["vip.import"].sudo().search_count([])
        _result, error = self.attempt(
            lambda: self.Import.import_rows(kind, rows, source=source), f"import_rows({kind!r:.50}, {rows!r:.100})"
        )
        if error:
            self.assertEqual(self.env["vip.import"].sudo().search_count([]), imports, "nothing saved")

    @FUZZ
    @given(hostile=st.lists(hostile_operation, min_size=1, max_size=6), good=st.integers(0, 3), job=st.booleans())
    def test_operations_in_a_file(self, hostile, good, job):
        """A file, loaded at once or by the background job."""
        rows = [good_operation(n) for n in range(good)] + real(hostile)
        self.env["ir.config_parameter"].set_param("vip_import.sync_rows", 0 if job else 5000)
        record = self.Import.create(
            {"kind": "operation", "source": SOURCE, "file_name": "fuzz.csv", "file": base64.b64encode(csv_bytes(rows))}
        )
        _result, error = self.attempt(record.action_import, f"file {rows!r:.500}")
        self.assertIsNone(error, "a file with the right columns is loaded row by row")
        record = record.sudo()
        if job:
            self.assertEqual(record.state, "queued")
            self.attempt(lambda: Job.load(self.env, record.job_uuid).perform(), "the job")
            record.invalidate_recordset()
        self.assertEqual(record.state, "done", record.error)
        self.assertEqual(record.created_count + record.unchanged_count + record.rejected_count, len(rows))
        self.assertTrue(all(rejection.message for rejection in record.rejection_ids))
        self.assertLessEqual({f"G-{n}" for n in range(good)}, set(self.loaded().mapped("external_ref")))
        self.assertLoadedSanely(self.loaded())

    @FUZZ
    @given(
        data=st.one_of(st.binary(max_size=200), st.sampled_from((b"", b"\x00" * 10, b"PK\x03\x04junk", b"\xff\xfe")))
    )
    def test_any_bytes_as_a_file(self, data):
        """Any bytes at all: a clear refusal, or a load that ends done or failed, never stuck."""
        self.env["ir.config_parameter"].set_param("vip_import.sync_rows", 0)
        record = self.Import.create(
            {"kind": "operation", "source": SOURCE, "file_name": "junk.csv", "file": base64.b64encode(data)}
        )
        _result, error = self.attempt(record.action_import, f"file {data!r}")
        record = record.sudo()
        if error:
            self.assertIn(record.state, ("draft", "failed"))
            return
        self.attempt(lambda: Job.load(self.env, record.job_uuid).perform(), "the job")
        record.invalidate_recordset()
        self.assertIn(record.state, ("done", "failed"))
        if record.state == "failed":
            self.assertTrue(record.error)


@tagged("post_install", "-at_install")
class TestVipImportFuzzFindings(VipSecurityCase):
    """What the fuzz suite found in the import, pinned by its example."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.back_office = new_test_user(cls.env, "vip_t_back_office", groups="vip_import.group_vip_import")
        cls.Import = cls.env["vip.import"].with_user(cls.back_office)

    def test_the_issues_example(self):
        """An amount of 1e400 aborted the whole import with an OverflowError, and left no error on it."""
        rows = [{**good_operation(1), "amount": "1e400"}, good_operation(2)]
        result = self.Import.import_rows("operation", rows, source=SOURCE)
        self.assertEqual(result["created"], 1)
        self.assertEqual([(r["row"], r["reason"]) for r in result["rejected"]], [(1, "bad_amount")])

    def test_lone_surrogates_are_rejected_rows(self):
        """JSON's "\\ud800" in a reference, a client ID, a currency or a description: UnicodeEncodeError
        on the lookup, or on the rejection kept, for the whole call."""
        rows = [
            {**good_operation(1), "external_ref": "G-\ud800"},
            {**good_operation(2), "client_ref": "T-\ud800"},
            {**good_operation(3), "currency": "\udfff"},
            {**good_operation(4), "description": "Зарплата\ud800"},
            {**good_operation(5), "\ud800": "x", "amount": "abc"},
            good_operation(6),
        ]
        result = self.Import.import_rows("operation", rows, source=SOURCE)
        self.assertEqual(result["created"], 1)
        rejected = {r["row"]: r for r in result["rejected"]}
        self.assertEqual(sorted(rejected), [1, 2, 3, 4, 5])
        self.assertEqual(rejected[1]["external_ref"], "G-\ufffd")
        self.assertEqual(rejected[2]["message"], "No VIP client has the identifier T-\ufffd.")
        self.assertEqual(rejected[3]["message"], 'Unknown or inactive currency "\ufffd".')
        self.assertIn("Description contains an invalid character", rejected[4]["message"])
        record = self.env["vip.import"].browse(result["import_id"])
        self.assertIn("\ufffd", base64.b64decode(record.rejected_file).decode("utf-8-sig"))

    def test_cells_of_another_type_are_rejected_rows(self):
        """A list as a reference was loaded as the reference "['G-1']", false as the description "False"."""
        rows = [
            {**good_operation(1), "external_ref": ["G-1"]},
            {**good_operation(2), "description": {"a": 1}},
            {**good_operation(3), "product": True},
            {**good_operation(4), "description": False, "product": None},
        ]
        result = self.Import.import_rows("operation", rows, source=SOURCE)
        self.assertEqual(result["created"], 1)
        self.assertEqual(
            [(r["row"], r["reason"], r["message"]) for r in result["rejected"]],
            [
                (1, "bad_value", """The column "external_ref" must hold text or a number, not ['G-1']."""),
                (2, "bad_value", """The column "description" must hold text or a number, not {'a': 1}."""),
                (3, "bad_value", 'The column "product" must hold text or a number, not True.'),
            ],
        )
        loaded = self.env["vip.operation"].search([("source", "=", SOURCE)])
        self.assertEqual((loaded.external_ref, loaded.description, loaded.product), ("G-4", False, False))

    def test_a_kind_of_another_type(self):
        """A list as the kind: "unhashable type: 'list'"."""
        for kind in ([], {}, ["operation"]):
            with self.subTest(kind=kind), self.assertRaisesMessage(UserError, "^Unknown kind of import"):
                self.Import.import_rows(kind, [good_operation(1)], source=SOURCE)
