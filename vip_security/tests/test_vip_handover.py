# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user
from odoo.tests.common import tagged

from .common import VipSecurityCase


@tagged("post_install", "-at_install")
class TestVipHandover(VipSecurityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.successor = new_test_user(cls.env, "vip_t_successor", groups="vip_dossier.group_vip_manager")
        # manager stands in for manager2's client too
        cls.other_dossier.deputy_id = cls.manager
        cls.dossier.message_subscribe(partner_ids=cls.manager.partner_id.ids)
        cls.activity = cls.dossier.activity_schedule("mail.mail_activity_data_call", user_id=cls.manager.id)
        cls.done_activity_of_other = cls.other_dossier.activity_schedule(
            "mail.mail_activity_data_todo", user_id=cls.manager2.id
        )

    def _wizard(self, source, target, **vals):
        return (
            self.env["vip.handover.wizard"]
            .with_user(self.vip_admin)
            .create({"from_user_id": source.id, "to_user_id": target.id, **vals})
        )

    def test_handover_moves_everything_at_once(self):
        wizard = self._wizard(self.manager, self.successor)
        self.assertEqual(wizard.dossier_ids, self.dossier | self.other_dossier, "all clients by default")
        wizard.action_handover()
        self.assertEqual(self.dossier.user_id, self.successor)
        self.assertEqual(self.dossier.deputy_id, self.deputy, "the deputy stays")
        self.assertEqual(self.other_dossier.user_id, self.manager2)
        self.assertEqual(self.other_dossier.deputy_id, self.successor)
        self.assertEqual(self.activity.user_id, self.successor)
        self.assertEqual(self.done_activity_of_other.user_id, self.manager2, "others' activities stay")
        self.assertNotIn(self.manager.partner_id, self.dossier.message_partner_ids)
        self.assertIn(self.successor.partner_id, self.dossier.message_partner_ids)
        for dossier in self.dossier | self.other_dossier:
            self.assertIn("handed over", dossier.message_ids[0].body)
        logs = self.env["vip.access.log"].search([("event", "=", "handover")])
        self.assertEqual(logs.dossier_id, self.dossier | self.other_dossier)
        self.fresh()
        self.assertFalse(self.env["vip.dossier"].with_user(self.manager).search([("client_ref", "like", "T-")]))
        self.assertEqual(
            self.env["vip.dossier"].with_user(self.successor).search([("client_ref", "like", "T-")]),
            self.dossier | self.other_dossier,
        )

    def test_handover_of_a_selection(self):
        self._wizard(self.manager, self.successor, dossier_ids=[(6, 0, self.dossier.ids)]).action_handover()
        self.assertEqual(self.dossier.user_id, self.successor)
        self.assertEqual(self.other_dossier.deputy_id, self.manager)

    def test_handover_to_the_deputy_clears_the_deputy(self):
        self._wizard(self.manager, self.deputy, dossier_ids=[(6, 0, self.dossier.ids)]).action_handover()
        self.assertEqual(self.dossier.user_id, self.deputy)
        self.assertFalse(self.dossier.deputy_id)

    def test_handover_is_atomic(self):
        """A failure midway leaves every client where it was."""
        wizard = self._wizard(self.manager, self.successor)
        wizard.dossier_ids |= self.env["vip.dossier"].create({"name": "Not His", "user_id": self.manager2.id})
        with self.assertRaises(UserError):
            wizard.action_handover()
        self.assertEqual(self.dossier.user_id, self.manager)
        self.assertEqual(self.activity.user_id, self.manager)

    def test_handover_refuses_bad_targets(self):
        with self.assertRaises(UserError):
            self._wizard(self.manager, self.manager).action_handover()
        with self.assertRaises(UserError):
            self._wizard(self.manager, self.employee).action_handover()

    def test_only_admins_hand_over(self):
        with self.assertRaises(AccessError):
            self.env["vip.handover.wizard"].with_user(self.manager).create(
                {"from_user_id": self.manager.id, "to_user_id": self.successor.id}
            )

    def test_manager_cannot_reassign(self):
        self.fresh()
        dossier = self.dossier.with_user(self.manager)
        for vals in ({"user_id": self.successor.id}, {"deputy_id": self.successor.id}, {"deputy_id": False}):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                dossier.write(vals)
        dossier.write({"user_id": self.manager.id, "job_title": "Same manager is fine"})
        with self.assertRaises(AccessError):
            self.env["vip.dossier"].with_user(self.manager).create({"name": "For Another", "user_id": self.manager2.id})
        own = self.env["vip.dossier"].with_user(self.manager).create({"name": "Mine"})
        self.assertEqual(own.user_id, self.manager)
        self.dossier.with_user(self.vip_admin).write({"deputy_id": self.successor.id})
        self.assertEqual(self.dossier.deputy_id, self.successor)

    def test_archived_manager_cannot_keep_clients(self):
        with self.assertRaisesRegex(UserError, "Hand them over"):
            self.manager.action_archive()
        self.assertTrue(self.manager.active)
        self._wizard(self.manager, self.successor).action_handover()
        self.manager.action_archive()
        self.assertFalse(self.manager.active)
