# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.vip_security.tests.common import VipSecurityCase

from .test_vip_import import SOURCE, csv_file


@tagged("post_install", "-at_install")
class TestVipImportInput(VipSecurityCase):
    """A value the operations and income would refuse is one rejected row, never the end of the load."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.back_office = new_test_user(cls.env, "vip_t_back_office", groups="vip_import.group_vip_import")
        cls.Import = cls.env["vip.import"].with_user(cls.back_office)

    def operation(self, ref, **values):
        return {
            "external_ref": ref,
            "client_ref": "T-0001",
            "date": "2026-03-01",
            "operation_type": "deposit",
            "amount": 10,
            **values,
        }

    def loaded(self, model="vip.operation"):
        return self.env[model].search([("source", "=", SOURCE)]).mapped("external_ref")

    def test_amounts_out_of_range_in_a_file_are_rejected_rows(self):
        record = self.Import.create(
            {
                "kind": "operation",
                "source": SOURCE,
                "file_name": "operations.csv",
                "file": csv_file(
                    "OP-1;T-0001;2026-03-01;deposit;in;1e400;RUB;;;",
                    "OP-2;T-0001;2026-03-01;withdrawal;;-1e400;RUB;;;",  # negative: outgoing
                    "OP-3;T-0001;2026-03-01;deposit;in;1e15;RUB;;;",
                    "OP-4;T-0001;2026-03-01;deposit;in;NaN;RUB;;;",
                    "OP-5;T-0001;2026-03-01;deposit;in;Infinity;RUB;;;",
                    "OP-6;T-0001;2026-03-01;deposit;in;10;RUB;;;",
                ),
            }
        )
        record.action_import()
        record = record.sudo()
        self.assertEqual((record.state, record.created_count, record.rejected_count), ("done", 1, 5))
        self.assertFalse(record.error)
        self.assertEqual(self.loaded(), ["OP-6"])
        rejections = {r.external_ref: (r.reason, r.message) for r in record.rejection_ids}
        for ref in ("OP-1", "OP-2", "OP-3"):
            self.assertEqual(rejections[ref][0], "bad_amount")
            self.assertRegex(rejections[ref][1], r"^Amount is out of range .*less than 1,000,000,000,000")
        self.assertEqual(rejections["OP-4"], ("bad_amount", '"NaN" is not an amount.'))
        self.assertEqual(rejections["OP-5"], ("bad_amount", '"Infinity" is not an amount.'))

    def test_hostile_values_over_json_rpc_are_rejected_rows(self):
        rows = [
            self.operation("N-1", amount=float("nan")),  # JSON's NaN, as Python reads it
            self.operation("N-2", amount=float("inf")),  # JSON's Infinity, or 1e400
            self.operation("N-3", amount=float("-inf")),  # a negative amount is an outgoing operation
            self.operation("N-4", amount=1e300),
            self.operation("N-5", description="Зарплата\x00"),
            self.operation("N-6" * 100),  # a reference too long for its index
            self.operation("N-\x007"),
            self.operation("N-8", client_ref="T-\x000001"),
            self.operation("N-9"),
        ]
        result = self.Import.import_rows("operation", rows, source=SOURCE)
        self.assertEqual((result["created"], result["unchanged"]), (1, 0))
        rejected = {r["row"]: (r["reason"], r["message"]) for r in result["rejected"]}
        self.assertEqual(sorted(rejected), [1, 2, 3, 4, 5, 6, 7, 8])
        self.assertEqual(rejected[1], ("bad_amount", 'Amount must be a number, not "nan".'))
        for row in (2, 3, 4):
            self.assertEqual(rejected[row][0], "bad_amount")
            self.assertIn("Amount is out of range", rejected[row][1])
        self.assertEqual(
            rejected[5], ("bad_value", "Description contains a NUL character (\\x00), which text cannot hold.")
        )
        self.assertEqual(rejected[6], ("bad_value", "External Reference is too long: 300 characters, at most 64."))
        self.assertEqual(rejected[7][0], "bad_value")
        self.assertEqual(rejected[8], ("unknown_client", "No VIP client has the identifier T-\ufffd0001."))
        self.assertEqual(self.loaded(), ["N-9"])
        # what cannot be stored is shown, not stored: the rejections kept every row
        rejections = self.env["vip.import"].browse(result["import_id"]).rejection_ids
        self.assertEqual(len(rejections), 8)
        self.assertEqual(rejections.filtered(lambda r: r.row == 7).external_ref, "N-\ufffd7")
        self.assertEqual(len(rejections.filtered(lambda r: r.row == 6).external_ref), 64)

    def test_income_amounts_out_of_range_are_rejected_rows(self):
        rows = [
            {"external_ref": f"I-{i}", "client_ref": "T-0001", "date": "2026-03-01", "line": "fees", "amount": amount}
            for i, amount in enumerate((float("nan"), float("inf"), float("-inf"), -1e15, 12.5))
        ]
        result = self.Import.import_rows("income", rows, source=SOURCE)
        self.assertEqual(result["created"], 1)
        self.assertEqual(
            [(r["row"], r["reason"]) for r in result["rejected"]], [(i, "bad_amount") for i in (1, 2, 3, 4)]
        )
        self.assertEqual(self.loaded("vip.income"), ["I-4"])

    def test_a_source_the_operations_cannot_hold_is_refused_whole(self):
        imports = self.env["vip.import"].sudo().search_count([])
        for source in ("s" * 65, "core\x00banking"):
            with self.subTest(source=source[:10]), self.assertRaisesMessage(ValidationError, "^Source "):
                self.Import.import_rows("operation", [self.operation("S-1")], source=source)
        self.assertEqual(self.env["vip.import"].sudo().search_count([]), imports)
        self.assertFalse(self.env["vip.operation"].search([("external_ref", "=", "S-1")]))
