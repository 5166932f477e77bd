# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every VIP model × every role × read/write/create/unlink, allowed and denied.

The cache is flushed and invalidated before each check so the database (access
lists and row rules) answers, not the ORM cache.
"""

from odoo.exceptions import AccessError
from odoo.tests.common import tagged

from .common import ALL, NOTHING, VipSecurityCase

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
# history is kept: managers do not delete clients, interactions, operations or income
MANAGER_NO_UNLINK = ("vip.dossier", "vip.interaction", "vip.operation", "vip.income")


@tagged("post_install", "-at_install")
class TestVipAccessMatrix(VipSecurityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.config_records = {
            "vip.tier": cls.tier,
            "vip.relation.type": cls.spouse,
            "vip.preference.category": cls.gifts,
        }

    def _manager_rights(self):
        return {model: ALL if model not in MANAGER_NO_UNLINK else ("read", "write", "create") for model in DATA_MODELS}

    def test_manager_own_clients(self):
        self._assert(self.manager, self.records, self._manager_rights())

    def test_deputy_has_the_managers_rights(self):
        self._assert(self.deputy, self.records, self._manager_rights())

    def test_manager_of_other_clients_gets_nothing(self):
        self._assert(self.manager2, self.records, dict.fromkeys(DATA_MODELS, NOTHING))
        self._assert(self.manager, self.other_records, dict.fromkeys(DATA_MODELS, NOTHING))

    def test_manager_reads_configuration_only(self):
        self._assert(self.manager, self.config_records, dict.fromkeys(CONFIG_MODELS, ("read",)))

    def test_supervisor_reads_everything_changes_nothing(self):
        for records in (self.records, self.other_records):
            self._assert(self.supervisor, records, dict.fromkeys(DATA_MODELS, ("read",)))
        self._assert(self.supervisor, self.config_records, dict.fromkeys(CONFIG_MODELS, ("read",)))

    def test_admin_reaches_everything(self):
        for records in (self.records, self.other_records, self.config_records):
            self._assert(self.vip_admin, records, dict.fromkeys(records, ALL))

    def test_emergency_user_without_grant_gets_nothing(self):
        self._assert(self.emergency, self.records, dict.fromkeys(DATA_MODELS, NOTHING))

    def test_outsiders_get_nothing(self):
        for user in (self.employee, self.portal):
            for records in (self.records, self.other_records, self.config_records):
                self._assert(user, records, dict.fromkeys(records, NOTHING))
            for model in DATA_MODELS + CONFIG_MODELS:
                with self.subTest(user=user.login, model=model), self.assertRaises(AccessError):
                    self.env[model].with_user(user).search([])

    def test_search_returns_own_clients_only(self):
        Dossier = self.env["vip.dossier"]
        self.fresh()
        self.assertEqual(Dossier.with_user(self.manager).search([("client_ref", "like", "T-")]), self.dossier)
        self.assertEqual(Dossier.with_user(self.manager2).search([("client_ref", "like", "T-")]), self.other_dossier)
        self.assertEqual(
            Dossier.with_user(self.supervisor).search([("client_ref", "like", "T-")]),
            self.dossier | self.other_dossier,
        )
        for model in DATA_MODELS[1:]:
            with self.subTest(model=model):
                found = self.env[model].with_user(self.manager).search([("dossier_id.client_ref", "like", "T-")])
                self.assertEqual(found.dossier_id, self.dossier)

    def test_menu_visible_to_vip_roles_only(self):
        root = self.env.ref("vip_dossier.vip_desk_menu_root")
        config = self.env.ref("vip_dossier.vip_config_menu")
        control = self.env.ref("vip_security.vip_control_menu")
        Menu = self.env["ir.ui.menu"]
        for user, sees_root, sees_config, sees_control in (
            (self.manager, True, False, False),
            (self.supervisor, True, False, True),
            (self.vip_admin, True, True, True),
            (self.emergency, True, False, False),
            (self.employee, False, False, False),
        ):
            with self.subTest(user=user.login):
                visible = Menu.with_user(user)._visible_menu_ids()
                self.assertEqual(root.id in visible, sees_root)
                self.assertEqual(config.id in visible, sees_config)
                self.assertEqual(control.id in visible, sees_control)
