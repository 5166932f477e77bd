# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import VipGiftCase


@tagged("post_install", "-at_install")
class TestVipGiftAccess(VipGiftCase):
    """The threat model's insiders against the gift register, each beside the allowed case."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own = cls.env["vip.gift"].create(
            {"dossier_id": cls.dossier.id, "relative_id": cls.relative.id, "name": "Tea", "amount": 5000}
        )
        cls.others = cls.env["vip.gift"].create({"dossier_id": cls.other_dossier.id, "name": "Flowers", "amount": 2500})
        cls.others.action_mark_given()

    def test_another_managers_gifts_are_unreadable(self):
        self.fresh()
        Gift = self.Gift.with_user(self.manager)
        self.assertEqual(Gift.search([]), self.own)
        self.assertEqual(Gift.search_count([("dossier_id", "=", self.other_dossier.id)]), 0)
        self.assertFalse(Gift.name_search("Flowers"))
        groups = Gift.read_group([], ["amount:sum"], ["dossier_id"])
        self.assertEqual([g["dossier_id"][0] for g in groups], [self.dossier.id])
        with self.assertRaises(AccessError):
            self.others.with_user(self.manager).read(["name", "amount"])
        Rows = self.env["vip.gift.recipient.year"].with_user(self.manager)
        self.assertFalse(Rows.search([("dossier_id", "=", self.other_dossier.id)]))
        # the deputy reads, top management reads all
        self.assertEqual(self.Gift.with_user(self.deputy).search([]), self.own)
        self.assertEqual(self.Gift.with_user(self.supervisor).search([]), self.own | self.others)

    def test_another_managers_gifts_are_unmovable(self):
        self.fresh()
        for values in ({"amount": 1}, {"name": "Mine now"}, {"dossier_id": self.dossier.id}):
            with self.assertRaises(AccessError):
                self.others.with_user(self.manager).write(values)
        with self.assertRaises(AccessError):
            self.others.with_user(self.manager).unlink()
        with self.assertRaises(AccessError):
            self.others.with_user(self.manager).action_mark_given()
        # moving one's own gift onto another manager's client
        with self.assertRaises(AccessError):
            self.own.with_user(self.manager).write({"dossier_id": self.other_dossier.id, "relative_id": False})
        # registering a gift on another manager's client
        with self.assertRaises(AccessError):
            self.gift(100, dossier=self.other_dossier)
        self.gift(100)  # on one's own: allowed

    def test_a_recipient_of_another_client_is_refused(self):
        # the other client's relative (unreadable to this manager) ...
        with self.assertRaises(AccessError):
            self.gift(100, relative=self.other_relative)
        with self.assertRaises(AccessError):
            self.own.with_user(self.manager).write({"relative_id": self.other_relative.id})
        # ... and a relative of another client read by whoever may read both (an administrator)
        with self.assertRaisesMessage(ValidationError, "not a relative of"):
            self.gift(100, user=self.vip_admin, relative=self.other_relative)
        # a key date of another client
        other_date = self.env["vip.key.date"].search([("dossier_id", "=", self.other_dossier.id)], limit=1)
        if not other_date:
            other_date = self.env["vip.key.date"].create(
                {
                    "dossier_id": self.other_dossier.id,
                    "type_id": self.env.ref("vip_calendar.key_date_type_custom").id,
                    "name": "Anniversary",
                    "base_date": "2020-05-05",
                }
            )
        with self.assertRaises(ValidationError):
            self.gift(100, user=self.vip_admin, key_date_id=other_date.id)

    def test_the_employee_sees_nothing(self):
        self.fresh()
        for model in ("vip.gift", "vip.gift.recipient.year", "vip.gift.budget"):
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.employee).search([])
        with self.assertRaises(AccessError):
            self.own.with_user(self.employee).read(["name"])
        with self.assertRaises(AccessError):
            self.gift(100, user=self.employee)
        with self.assertRaises(AccessError):
            self.own.with_user(self.employee).action_open_decision()
        with self.assertRaises(AccessError):
            self.own.with_user(self.portal).read(["name"])

    def test_the_supervisor_approves_but_does_not_edit(self):
        self.own.action_submit()
        self.fresh()
        gift = self.own.with_user(self.supervisor)
        for values in ({"amount": 1}, {"name": "Changed"}, {"approver_id": self.supervisor.id}):
            with self.assertRaises(AccessError):
                gift.write(values)
        with self.assertRaises(AccessError):
            self.gift(100, user=self.supervisor)
        with self.assertRaises(AccessError):
            gift.action_mark_given()
        with self.assertRaises(AccessError):
            gift.unlink()
        gift._vip_decide("approve", "Fine")
        self.fresh()
        self.assertEqual((self.own.state, self.own.amount), ("approved", 5000))

    def test_the_emergency_reader_reads_one_client_only(self):
        self.grant_emergency(self.other_dossier)
        Gift = self.Gift.with_user(self.emergency)
        self.assertEqual(Gift.search([]), self.others)
        with self.assertRaises(AccessError):
            self.own.with_user(self.emergency).read(["name"])
        with self.assertRaises(AccessError):
            self.others.with_user(self.emergency).write({"name": "x"})
        with self.assertRaises(AccessError):
            self.gift(100, user=self.emergency, dossier=self.other_dossier)

    def test_a_wizard_opened_on_another_clients_gifts(self):
        """A wizard's gifts from the context (active_ids, default_gift_ids) are checked as the user's."""
        Wizard = self.env["vip.gift.decision.wizard"]
        with self.assertRaises(AccessError):
            Wizard.with_user(self.manager2).with_context(default_gift_ids=self.own.ids).create({})
        with self.assertRaises(AccessError):
            self.own.with_user(self.manager2).action_open_decision()
        # the supervisor's wizard on a gift that is not waiting changes nothing
        wizard = self.decision_wizard(self.supervisor, self.others)
        with self.assertRaisesMessage(UserError, "not open to it"):
            wizard.action_confirm()
        self.assertEqual(self.others.state, "given")

    def test_reads_are_logged(self):
        self.fresh()
        Log = self.env["vip.access.log"]
        before = Log.search_count([("dossier_id", "=", self.dossier.id), ("user_id", "=", self.manager.id)])
        self.own.with_user(self.manager).read(["name", "amount"])
        after = Log.search_count([("dossier_id", "=", self.dossier.id), ("user_id", "=", self.manager.id)])
        self.assertGreater(after, before)
