# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Model access lists: VIP data is for the VIP groups only.

The row-level policy (a manager sees only their own clients) belongs to
vip_security; here every VIP model is checked against every role for the
access lists vip_dossier itself ships.
"""

from datetime import date

from odoo.exceptions import AccessError
from odoo.tests.common import tagged

from .common import VipCase

DATA_MODELS = (
    "vip.dossier",
    "vip.relative",
    "vip.preference",
    "vip.trusted.person",
    "vip.interaction",
    "vip.operation",
    "vip.income",
)
CONFIG_MODELS = ("vip.tier", "vip.relation.type", "vip.preference.category")
# managers keep history: they may not delete clients, interactions, operations or income
MANAGER_NO_UNLINK = ("vip.dossier", "vip.interaction", "vip.operation", "vip.income")


@tagged("post_install", "-at_install")
class TestVipAccess(VipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        relative = cls.env["vip.relative"].create(
            {"dossier_id": cls.dossier.id, "relation_type_id": cls.spouse.id, "first_name": "Ольга"}
        )
        cls.records = {
            "vip.dossier": cls.dossier,
            "vip.relative": relative,
            "vip.preference": cls.env["vip.preference"].create(
                {"dossier_id": cls.dossier.id, "category_id": cls.gifts.id, "value": "Tea"}
            ),
            "vip.trusted.person": cls.env["vip.trusted.person"].create(
                {"dossier_id": cls.dossier.id, "name": "Lawyer", "scope": "All", "valid_from": date(2025, 1, 1)}
            ),
            "vip.interaction": cls.env["vip.interaction"].create({"dossier_id": cls.dossier.id, "subject": "Call"}),
            "vip.operation": cls.env["vip.operation"].create(
                {"dossier_id": cls.dossier.id, "date": date(2025, 1, 1), "operation_type": "fee", "amount": 5}
            ),
            "vip.income": cls.env["vip.income"].create(
                {"dossier_id": cls.dossier.id, "date": date(2025, 1, 1), "product_line": "fees", "amount": 5}
            ),
            "vip.tier": cls.tier,
            "vip.relation.type": cls.spouse,
            "vip.preference.category": cls.gifts,
        }

    def _can(self, user, model, operation):
        record = self.records[model].with_user(user)
        self.env.flush_all()
        self.env.invalidate_all()
        try:
            with self.env.cr.savepoint():
                if operation == "read":
                    record.read(["display_name"])
                elif operation == "write":
                    record.write({})
                    record.check_access("write")
                elif operation == "create":
                    record.check_access("create")
                elif operation == "unlink":
                    record.check_access("unlink")
        except AccessError:
            return False
        return True

    def _assert_matrix(self, user, expected):
        for model, perms in expected.items():
            for operation in ("read", "write", "create", "unlink"):
                with self.subTest(user=user.login, model=model, operation=operation):
                    self.assertEqual(
                        self._can(user, model, operation),
                        operation in perms,
                        f"{user.login} {operation} {model}",
                    )

    def test_outsiders_see_nothing(self):
        for user in (self.employee, self.portal):
            self._assert_matrix(user, dict.fromkeys(DATA_MODELS + CONFIG_MODELS, ()))
            for model in DATA_MODELS:
                with self.subTest(user=user.login, model=model), self.assertRaises(AccessError):
                    self.env[model].with_user(user).search([])

    def test_manager(self):
        expected = {
            model: ("read", "write", "create") if model in MANAGER_NO_UNLINK else ("read", "write", "create", "unlink")
            for model in DATA_MODELS
        }
        expected.update(dict.fromkeys(CONFIG_MODELS, ("read",)))
        self._assert_matrix(self.manager, expected)

    def test_supervisor_reads_only(self):
        self._assert_matrix(self.supervisor, dict.fromkeys(DATA_MODELS + CONFIG_MODELS, ("read",)))

    def test_admin_configures(self):
        everything = ("read", "write", "create", "unlink")
        self._assert_matrix(self.vip_admin, dict.fromkeys(DATA_MODELS + CONFIG_MODELS, everything))

    def test_menu_visible_to_vip_roles_only(self):
        root = self.env.ref("vip_dossier.vip_desk_menu_root")
        config = self.env.ref("vip_dossier.vip_config_menu")
        Menu = self.env["ir.ui.menu"]
        for user, sees_root, sees_config in (
            (self.manager, True, False),
            (self.supervisor, True, False),
            (self.vip_admin, True, True),
            (self.employee, False, False),
        ):
            with self.subTest(user=user.login):
                visible = Menu.with_user(user)._visible_menu_ids()
                self.assertEqual(root.id in visible, sees_root)
                self.assertEqual(config.id in visible, sees_config)

    def test_founding_date_on_partner_reveals_nothing_vip(self):
        """The only field vip_dossier adds to res.partner is a public company fact."""
        added = self.env["ir.model.data"].search([("module", "=", "vip_dossier"), ("model", "=", "ir.model.fields")])
        fields = self.env["ir.model.fields"].browse(added.mapped("res_id"))
        self.assertEqual(fields.filtered(lambda f: f.model == "res.partner").mapped("name"), ["founding_date"])
