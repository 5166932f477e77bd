# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user
from odoo.tests.common import tagged

from .common import VipCalendarCase


@tagged("post_install", "-at_install")
class TestVipReminderAccess(VipCalendarCase):
    def lunch_with(self, cards):
        """A meeting manager2 makes from the Calendar app with clients, not linked to a dossier."""
        return (
            self.env["calendar.event"]
            .with_user(self.manager2)
            .create(
                {
                    "name": "Lunch",
                    "start": "2026-06-16 12:00:00",
                    "stop": "2026-06-16 13:00:00",
                    "partner_ids": cards.ids,
                }
            )
        )

    def test_reminders_are_made_by_the_run_only(self):
        """A reminder pointing at another client's SMS (or task, or event) would show it: its links are the run's."""
        key_date = self.occasion(self.dossier, "Name day", date(1980, 6, 16))
        sms = self.env["sms.sms"].create({"number": "+7 916 000 00 00", "body": "hi"})
        Reminder = self.Reminder.with_user(self.manager)
        with self.assertRaises(AccessError):
            Reminder.create(
                {"key_date_id": key_date.id, "dossier_id": self.dossier.id, "occurrence_date": date(2026, 6, 16)}
            )
        reminder = self.Reminder.create(
            {"key_date_id": key_date.id, "dossier_id": self.dossier.id, "occurrence_date": date(2026, 6, 16)}
        )
        with self.assertRaises(AccessError):
            reminder.with_user(self.manager).write({"sms_id": sms.id})
        # what the manager records stays theirs
        reminder.with_user(self.manager).write({"outcome": "unreachable"})
        self.assertEqual(reminder.outcome, "unreachable")

    def test_a_date_is_not_born_silenced_or_automatic(self):
        """Round 19: a key date created marked reminded was never reminded by the run, one created
        "automatic" could not be deleted and took the place of the one the dossier gives."""
        custom = self.env.ref("vip_calendar.key_date_type_custom")
        KeyDate = self.env["vip.key.date"].with_user(self.manager)
        values = {"dossier_id": self.dossier.id, "type_id": custom.id, "name": "Opening", "base_date": date(2020, 5, 5)}
        with self.assertRaises(AccessError):
            KeyDate.create(dict(values, reminded_date=date(2026, 5, 5)))
        with self.assertRaises(AccessError):
            KeyDate.with_context(default_reminded_date=date(2026, 5, 5)).create(values)
        for forged in ({"source": "auto"}, {"dropped": True}):
            with self.assertRaises(UserError):
                KeyDate.create(dict(values, **forged))
            with self.assertRaises(UserError):
                KeyDate.with_context(**{f"default_{key}": value for key, value in forged.items()}).create(values)
        # round 21: a default the manager saved for themselves is a value too
        Default = self.env["ir.default"].with_user(self.manager)
        Default.set("vip.key.date", "source", "auto", user_id=True)
        with self.assertRaises(UserError):
            KeyDate.create(values)
        saved = self.env["ir.default"].search([("user_id", "=", self.manager.id)])
        saved.unlink()
        Default.set("vip.key.date", "dropped", True, user_id=True)
        with self.assertRaises(UserError):
            KeyDate.create(values)
        self.env["ir.default"].search([("user_id", "=", self.manager.id)]).unlink()
        own = KeyDate.create(values)
        self.assertEqual(own.source, "manual")
        # nor is a reminder made by hand through saved defaults (a colleague's name, forged on-time figures)
        Default.set("vip.key.date.reminder", "key_date_id", own.id, user_id=True)
        Default.set("vip.key.date.reminder", "manager_id", self.manager2.id, user_id=True)
        with self.assertRaises(AccessError):
            self.Reminder.with_user(self.manager).create([{}])
        with self.assertRaises(AccessError):
            own.copy({"reminded_date": date(2026, 5, 5)})

    def test_attendees_who_are_clients_are_read_by_their_readers_only(self):
        """A meeting made from the Calendar app with a client copies the client's e-mail and phone on its attendee."""
        card = self.other_dossier.partner_id
        card.write({"email": "client@example.com", "phone": "+7 495 000 00 00"})
        event = self.lunch_with(card)
        attendee = event.attendee_ids.filtered(lambda a: a.partner_id == card)
        self.assertTrue(attendee)
        for user in (self.employee, self.manager):
            with self.subTest(user=user.login):
                self.env.flush_all()
                self.env.invalidate_all()
                Attendee = self.env["calendar.attendee"].with_user(user)
                self.assertFalse(Attendee.search([("id", "=", attendee.id)]))
                self.assertFalse(Attendee.search_count([("email", "=", "client@example.com")]))
                with self.assertRaises(AccessError):
                    attendee.with_user(user).read(["common_name", "email", "phone"])
        self.env.invalidate_all()
        self.assertEqual(attendee.with_user(self.manager2).email, "client@example.com")
        self.assertEqual(attendee.with_user(self.supervisor).email, "client@example.com")

    def test_a_meetings_client_follower_and_attendee_for_managers_of_several_or_no_clients(self):
        """The second attack: "not one of my cards" must hold for a manager with two clients and one with none."""
        second = self.env["vip.dossier"].create({"name": "Second Client", "user_id": self.manager2.id})
        cards = self.other_dossier.partner_id | second.partner_id
        event = self.lunch_with(cards)
        # calendar makes its attendees followers of the meeting
        nobody = new_test_user(self.env, "vip_t_new_manager", groups="vip_dossier.group_vip_manager")
        on_event = [("res_model", "=", "calendar.event"), ("res_id", "=", event.id)]
        self.env.flush_all()
        self.env.invalidate_all()
        attendees = self.env["calendar.attendee"].with_user(self.manager2).search([("event_id", "=", event.id)])
        self.assertEqual(attendees.partner_id & cards, cards)
        self.assertEqual(self.env["mail.followers"].with_user(self.manager2).search(on_event).partner_id & cards, cards)
        for user in (nobody, self.manager, self.employee):
            with self.subTest(user=user.login):
                self.env.invalidate_all()
                attendees = self.env["calendar.attendee"].with_user(user).search([("event_id", "=", event.id)])
                self.assertFalse(attendees.partner_id & cards)
                followers = self.env["mail.followers"].with_user(user).search(on_event)
                self.assertFalse(followers.partner_id & cards)
