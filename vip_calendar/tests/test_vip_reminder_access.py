# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError
from odoo.tests.common import tagged

from .common import VipCalendarCase


@tagged("post_install", "-at_install")
class TestVipReminderAccess(VipCalendarCase):
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
