# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user
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
        wizard = self._wizard(self.manager, self.successor, all_clients=True)
        self.assertEqual(wizard.dossier_ids, self.dossier | self.other_dossier, "all clients when asked")
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

    def test_nothing_is_preselected_and_the_wizard_sums_up(self):
        """Handing one client of twenty over means picking one, not removing nineteen; the administrator
        sees what will move and confirms before anything does."""
        form = Form(self.env["vip.handover.wizard"].with_user(self.vip_admin))
        form.from_user_id = self.manager
        form.to_user_id = self.successor
        self.assertFalse(form.dossier_ids, "no client is selected by default")
        self.assertEqual((form.dossier_count, form.activity_count), (0, 0))
        form.dossier_ids.add(self.dossier)
        self.assertEqual((form.dossier_count, form.activity_count), (1, 1))
        form.all_clients = True
        self.assertEqual(len(form.dossier_ids), 2)
        self.assertEqual((form.dossier_count, form.activity_count), (2, 1), "manager2's task is not his")
        form.all_clients = False
        self.assertFalse(form.dossier_ids)
        form.dossier_ids.add(self.other_dossier)
        wizard = form.save()
        self.assertEqual(wizard.dossier_ids, self.other_dossier)
        # the clients offered are the giving manager's only, and the button asks before it acts
        Dossier = self.env["vip.dossier"].with_user(self.vip_admin)
        self.assertIn("from_user_id", wizard._fields["dossier_ids"].domain)
        offered = Dossier.search(["|", ("user_id", "=", self.manager.id), ("deputy_id", "=", self.manager.id)])
        self.assertEqual(offered, self.dossier | self.other_dossier)
        arch = self.env["vip.handover.wizard"].with_user(self.vip_admin).get_view(view_type="form")["arch"]
        button = etree.fromstring(arch).xpath("//button[@name='action_handover']")[0]
        self.assertTrue(button.get("confirm"), "the handover asks for confirmation")
        with self.assertRaisesMessage(UserError, "Pick the clients"):
            self._wizard(self.manager, self.successor).action_handover()

    def test_insider_cannot_hand_over(self):
        """A manager of other clients (or a supervisor) runs no handover, not even on an administrator's
        wizard reached by id over the ORM."""
        wizard = self._wizard(self.manager, self.manager2, all_clients=True)
        for user in (self.manager2, self.supervisor, self.employee):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.env["vip.handover.wizard"].with_user(user).create(
                        {"from_user_id": self.manager.id, "to_user_id": user.id, "dossier_ids": self.dossier.ids}
                    )
                with self.assertRaises(AccessError):
                    wizard.with_user(user).action_handover()
        self.fresh()
        self.assertEqual(self.dossier.user_id, self.manager)
        self.assertEqual(self.activity.user_id, self.manager)

    def test_income_stays_with_who_earned_it(self):
        income = self.records["vip.income"]
        self.assertEqual(income.user_id, self.manager)
        self._wizard(self.manager, self.successor, dossier_ids=[(6, 0, self.dossier.ids)]).action_handover()
        self.fresh()
        self.assertEqual(self.dossier.user_id, self.successor)
        self.assertEqual(income.user_id, self.manager, "the handover does not take the income along")

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
        wizard = self._wizard(self.manager, self.successor, all_clients=True)
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
        self._wizard(self.manager, self.successor, all_clients=True).action_handover()
        self.manager.action_archive()
        self.assertFalse(self.manager.active)
