# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The insider and the import: the core system's references are the import's alone."""

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.vip_security.tests.common import VipSecurityCase

SOURCE = "test_core_banking"


@tagged("post_install", "-at_install")
class TestVipImportInsider(VipSecurityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.back_office = new_test_user(cls.env, "vip_t_back_office", groups="vip_import.group_vip_import")
        cls.other_dossier.client_ref = "T-0009"
        cls.row = {
            "external_ref": "CB-INC-1",
            "client_ref": "T-0009",
            "date": "2026-02-01",
            "product_line": "fees",
            "amount": 250000,
        }

    def _line(self, model, **vals):
        base = {"dossier_id": self.dossier.id, "date": "2026-02-01", "amount": 1}
        base.update({"product_line": "fees"} if model == "vip.income" else {"operation_type": "fee"})
        return self.env[model].with_user(self.manager).create(dict(base, **vals))

    def test_a_manager_cannot_take_a_reference_the_import_needs(self):
        """A line booked by hand under the core system's source would make the next import reject
        another client's income as a duplicate, and its refusal would tell which references exist."""
        for model in ("vip.income", "vip.operation"):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self._line(model, source=SOURCE, external_ref="CB-INC-1")
        # by hand, a line is "manual": its reference does not collide with the import's
        mine = self._line("vip.income", external_ref="CB-INC-1")
        self.assertEqual(mine.source, "manual")
        with self.assertRaises(AccessError):
            mine.with_user(self.manager).write({"source": SOURCE})
        result = self.env["vip.import"].with_user(self.back_office).import_rows("income", [self.row], source=SOURCE)
        self.assertEqual((result["created"], result["rejected"]), (1, []))
        loaded = self.env["vip.income"].search([("source", "=", SOURCE), ("external_ref", "=", "CB-INC-1")])
        self.assertEqual(loaded.dossier_id, self.other_dossier)
        # an imported line keeps its source and reference, also for the client's own manager
        with self.assertRaises(AccessError):
            loaded.with_user(self.manager2).write({"external_ref": "CB-INC-2"})
        with self.assertRaises(AccessError):
            loaded.with_user(self.manager2).write({"source": "manual"})
        loaded.with_user(self.manager2).write({"description": "Advisory fee"})

    def test_the_import_cannot_test_the_lines_entered_by_hand(self):
        """Under the source of the lines entered by hand, an import would tell a manager's references and
        amounts apart (rejected as different, or unchanged)."""
        self._line("vip.income", external_ref="MY-1")
        Import = self.env["vip.import"].with_user(self.back_office)
        for source in ("manual", " Manual "):
            with self.assertRaises(ValidationError):
                Import.import_rows("income", [dict(self.row, external_ref="MY-1")], source=source)
