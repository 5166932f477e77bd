# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every VIP model × every role × read/write/create/unlink, allowed and denied.

The cache is flushed and invalidated before each check so the database (access
lists and row rules) answers, not the ORM cache.
"""

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests.common import tagged

from .common import VipSecurityCase

DATA_MODELS = (
    "vip.dossier",
    "vip.relative",
    "vip.preference",
    "vip.trusted.person",
    "vip.interaction",
    "vip.employer.finding",
    "vip.operation",
    "vip.income",
)
CONFIG_MODELS = ("vip.tier", "vip.relation.type", "vip.preference.category")
# history is kept: managers do not delete clients, interactions, employer findings, operations or income
MANAGER_NO_UNLINK = ("vip.dossier", "vip.interaction", "vip.employer.finding", "vip.operation", "vip.income")
ALL = ("read", "write", "create", "unlink")
NOTHING = ()


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

    def _can(self, user, record, operation):
        record = record.with_user(user)
        self.fresh()
        try:
            with self.env.cr.savepoint():
                if operation == "read":
                    record.read(["display_name"])
                elif operation == "write":
                    record.check_access("write")
                    record.write({})
                elif operation == "create":
                    record.check_access("create")
                else:
                    record.check_access("unlink")
        except AccessError:
            return False
        return True

    def _assert(self, user, records, expected):
        for model, perms in expected.items():
            for operation in ALL:
                with self.subTest(user=user.login, model=model, operation=operation):
                    self.assertEqual(
                        self._can(user, records[model], operation),
                        operation in perms,
                        f"{user.login} {operation} {model} #{records[model].id}",
                    )

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

    def test_employer_findings_as_an_insider(self):
        """A finding is the client's data: read by its readers, recorded by its managers only, and
        never moved onto another client, whatever the way in."""
        Finding = self.env["vip.employer.finding"]
        theirs = self.other_records["vip.employer.finding"]
        self.env["vip.access.grant"].create(
            {
                "user_id": self.emergency.id,
                "dossier_id": self.other_dossier.id,
                "reason": "Client called about a blocked card",
                "date_end": fields.Datetime.add(fields.Datetime.now(), hours=1),
            }
        )
        new = {"dossier_id": self.other_dossier.id, "note": "Planted", "worth_call": True, "follow_up": "task"}
        # outsiders and the manager of other clients: not found, not read, not changed, not recorded
        for user in (self.manager, self.employee):
            with self.subTest(user=user.login):
                self.fresh()
                if user == self.manager:
                    self.assertFalse(Finding.with_user(user).search([("dossier_id", "=", self.other_dossier.id)]))
                else:
                    with self.assertRaises(AccessError):
                        Finding.with_user(user).search([])
                with self.assertRaises(AccessError):
                    theirs.with_user(user).read(["note"])
                with self.assertRaises(AccessError):
                    theirs.with_user(user).write({"note": "Rewritten"})
                with self.assertRaises(AccessError):
                    Finding.with_user(user).create(new)
                with self.assertRaises(AccessError):
                    self.other_dossier.with_user(user).action_mark_site_checked()
        # the emergency reader and top management read it and record nothing (as with interactions)
        for user in (self.emergency, self.supervisor):
            with self.subTest(user=user.login):
                self.fresh()
                self.assertEqual(theirs.with_user(user).note, theirs.note)
                with self.assertRaises(AccessError):
                    theirs.with_user(user).write({"note": "Rewritten"})
                with self.assertRaises(AccessError):
                    Finding.with_user(user).create(new)
        # the client's own manager may not move a finding onto another client, nor link another's call to it
        # (the registry-wide guard of vip_security/models/base.py: AccessError and ValidationError are UserErrors)
        mine = self.records["vip.employer.finding"].with_user(self.manager)
        for fname, target in (
            ("dossier_id", self.other_dossier),
            ("interaction_id", self.other_records["vip.interaction"]),
        ):
            with self.subTest(field=fname):
                self.fresh()
                with self.assertRaises(UserError):
                    mine.write({fname: target.id})
        self.fresh()
        self.assertEqual(self.records["vip.employer.finding"].dossier_id, self.dossier)
        self.assertEqual(self.other_dossier.employer_finding_ids, theirs, "nothing planted, no task, no call")
        self.assertFalse(self.other_dossier.activity_ids)
        # the client's managers record findings; a deputy's call task is the deputy's
        with self.env.cr.savepoint():
            finding = Finding.with_user(self.deputy).create(
                {"dossier_id": self.dossier.id, "note": "Merger", "worth_call": True, "follow_up": "task"}
            )
            self.assertEqual(finding.activity_id.user_id, self.deputy)
