# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager

from freezegun import freeze_time

from odoo.addons.vip_security.tests.common import VipSecurityCase


class VipCalendarCase(VipSecurityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.KeyDate = cls.env["vip.key.date"]
        cls.Reminder = cls.env["vip.key.date.reminder"]
        cls.birthday = cls.env.ref("vip_calendar.key_date_type_birthday")
        cls.relative_birthday = cls.env.ref("vip_calendar.key_date_type_relative_birthday")
        cls.manager.tz = "Europe/Moscow"
        cls.manager2.tz = "Europe/Moscow"
        cls.deputy.tz = "Europe/Moscow"
        # a client who may be contacted, born on 20 June 1970; the story starts on 1 June 2026
        with freeze_time("2026-06-01 09:00:00"):
            cls.dossier.write({"consent_date": "2020-01-01", "birth_date": "1970-06-20"})
            cls.env.flush_all()  # stored computes run at flush: while the clock is still frozen

    @contextmanager
    def at(self, moment):
        """Change data as of ``moment``: the stored next occurrences are computed then."""
        with freeze_time(moment):
            yield
            self.env.flush_all()

    def run_cron(self, batch_size=500):
        """Run the scheduled action the way the cron runner does: batch after batch."""
        created = self.Reminder
        for _i in range(100):
            before = self.Reminder.search_count([])
            created |= self.KeyDate._cron_create_reminders(batch_size=batch_size)
            if self.Reminder.search_count([]) == before:
                break
        return created

    def reminders(self, dossier=None):
        return self.Reminder.search([("dossier_id", "=", (dossier or self.dossier).id)])
