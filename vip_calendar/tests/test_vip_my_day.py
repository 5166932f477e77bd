# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import VipCalendarCase


@tagged("post_install", "-at_install")
class TestMyDay(VipCalendarCase):
    """A manager's home: their late and today's tasks (escalated first, with the script), this week's key
    dates of their clients, the clients not contacted for long; nothing of anyone else's clients."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["vip.dossier"])
        cls.dossier.state = "active"
        cls.other_dossier.state = "active"
        cls.late = cls.dossier.activity_schedule(
            "mail.mail_activity_data_call",
            summary="Call about the deposit",
            note="<p>Offer the new rate</p>",
            date_deadline=cls.today - timedelta(days=5),
            user_id=cls.manager.id,
        )
        cls.older = cls.dossier.activity_schedule(
            "mail.mail_activity_data_todo",
            summary="Oldest",
            date_deadline=cls.today - timedelta(days=9),
            user_id=cls.manager.id,
        )
        cls.due = cls.dossier.activity_schedule(
            "mail.mail_activity_data_todo", summary="Send the papers", date_deadline=cls.today, user_id=cls.manager.id
        )
        cls.later = cls.dossier.activity_schedule(
            "mail.mail_activity_data_todo",
            summary="Next month",
            date_deadline=cls.today + timedelta(days=30),
            user_id=cls.manager.id,
        )
        cls.foreign = cls.other_dossier.activity_schedule(
            "mail.mail_activity_data_todo", summary="Not mine", date_deadline=cls.today, user_id=cls.manager2.id
        )

    def my_day(self, user=None):
        return self.env["vip.my.day"].with_user(user or self.manager).get_my_day()

    def test_tasks_late_and_today(self):
        day = self.my_day()
        self.assertEqual([t["summary"] for t in day["late"]], ["Oldest", "Call about the deposit"])
        self.assertEqual(day["late_count"], 2)
        self.assertEqual([t["summary"] for t in day["due_today"]], ["Send the papers"])
        call = day["late"][1]
        self.assertEqual((call["days_late"], call["client"]), (5, self.dossier.name))
        self.assertIn("Offer the new rate", call["script"])
        self.assertFalse(call["greeting"])

    def test_escalated_tasks_come_first(self):
        self.env["vip.task.control.wizard"].with_user(self.supervisor).with_context(
            default_activity_id=self.late.id, default_action="escalate"
        ).create({"note": "Today, please."}).action_confirm()
        day = self.my_day()
        self.assertEqual(day["late"][0]["id"], self.late.id)
        self.assertTrue(day["late"][0]["escalated"])

    def test_nothing_of_other_clients(self):
        day = self.my_day()
        shown = {t["id"] for t in day["late"] + day["due_today"]}
        self.assertNotIn(self.foreign.id, shown)
        self.assertNotIn(self.other_dossier.id, {c["dossier_id"] for c in day["quiet"]["items"]})
        self.assertNotIn(self.other_dossier.id, {d["dossier_id"] for d in day["week"]["items"]})
        # manager2 sees their own task and client, none of manager1's
        day2 = self.my_day(self.manager2)
        self.assertEqual([t["id"] for t in day2["due_today"]], [self.foreign.id])
        self.assertNotIn(self.dossier.id, {c["dossier_id"] for c in day2["quiet"]["items"]})
        for user in (self.employee, self.portal):
            with self.assertRaises(AccessError):
                self.my_day(user)

    def test_key_dates_of_the_week(self):
        self.dossier.birth_date = self.today + timedelta(days=3) - timedelta(days=365 * 40 + 10)
        self.env.flush_all()
        key_date = self.KeyDate.search([("dossier_id", "=", self.dossier.id), ("type_id", "=", self.birthday.id)])
        self.assertTrue(key_date)
        if not (self.today <= key_date.next_date <= self.today + timedelta(days=6)):
            key_date.base_date = self.today + timedelta(days=3)
        self.assertIn(key_date.id, [d["id"] for d in self.my_day()["week"]["items"]])

    def test_clients_not_contacted_for_long(self):
        new = self.env["vip.dossier"].create({"name": "New Client", "user_id": self.manager.id, "state": "active"})
        quiet = {c["dossier_id"]: c for c in self.my_day()["quiet"]["items"]}
        self.assertEqual(self.my_day()["quiet"]["days"], 90)
        self.assertEqual(quiet[new.id]["last"], "", "never contacted")
        self.assertNotIn(self.dossier.id, quiet, "contacted today")
        self.dossier.interaction_ids.date = fields.Datetime.now() - timedelta(days=120)
        quiet = {c["dossier_id"]: c for c in self.my_day()["quiet"]["items"]}
        self.assertTrue(quiet[self.dossier.id]["last"])
        self.assertEqual(next(iter(quiet)), new.id, "never contacted comes first")
        new.state = "closed"
        self.assertNotIn(new.id, {c["dossier_id"] for c in self.my_day()["quiet"]["items"]}, "closed clients aside")

    def test_what_my_day_shows_is_logged(self):
        self.my_day()
        logs = self.env["vip.access.log"].search([("user_id", "=", self.manager.id)])
        self.assertEqual(logs.dossier_id, self.dossier)
        self.assertEqual(set(logs.mapped("channel")), {"list"})

    def test_managers_land_on_my_day(self):
        home = self.env.ref("vip_calendar.vip_my_day_action")
        user = new_test_user(self.env, "vip_t_new_manager", groups="vip_dossier.group_vip_manager")
        self.assertEqual(user.action_id.id, home.id)
        employee = new_test_user(self.env, "vip_t_plain", groups="base.group_user")
        self.assertFalse(employee.action_id)
        employee.groups_id = [(4, self.env.ref("vip_dossier.group_vip_manager").id)]
        self.assertEqual(employee.action_id.id, home.id, "made a manager later")
        # a home chosen for the user is kept
        discuss = self.env.ref("mail.action_discuss")
        chosen = new_test_user(self.env, "vip_t_chosen", groups="base.group_user")
        chosen.action_id = discuss.id
        chosen.groups_id = [(4, self.env.ref("vip_dossier.group_vip_manager").id)]
        self.assertEqual(chosen.action_id.id, discuss.id)
