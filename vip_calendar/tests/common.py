# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import importlib.util
import os
from contextlib import contextmanager

from freezegun import freeze_time

from odoo.modules.module import get_module_path

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

    def occasion(self, dossier, name, base_date, lead_days=7):
        """A key date entered by hand (a custom occasion)."""
        return self.KeyDate.create(
            {
                "dossier_id": dossier.id,
                "type_id": self.env.ref("vip_calendar.key_date_type_custom").id,
                "name": name,
                "base_date": base_date,
                "lead_days": lead_days,
            }
        )

    @contextmanager
    def at(self, moment):
        """Change data as of ``moment``: the stored next occurrences are computed then."""
        with freeze_time(moment):
            yield
            self.env.flush_all()

    def cron_batch(self, batch_size=500):
        """One call of the scheduled action, as the cron runner makes it; return what it created and
        the progress it reported (``ir.cron._notify_progress``)."""
        cron = self.env.ref("vip_calendar.ir_cron_key_date_reminders")
        _cron, progress = cron._add_progress()
        created = self.KeyDate.with_context(ir_cron_progress_id=progress.id)._cron_create_reminders(
            batch_size=batch_size
        )
        return created, progress

    def run_cron(self, batch_size=500):
        """Run the scheduled action the way the cron runner does: batch after batch, while it reports
        work remaining."""
        created = self.Reminder
        for _i in range(100):
            batch, progress = self.cron_batch(batch_size)
            created |= batch
            if not progress.remaining:
                return created
        self.fail("the run never reported it was done")

    def reminders(self, dossier=None):
        return self.Reminder.search([("dossier_id", "=", (dossier or self.dossier).id)])


def migration(version):
    """The post-migration script that upgrades vip_calendar to ``version``, as a module."""
    path = os.path.join(get_module_path("vip_calendar"), "migrations", version, "post-migration.py")
    spec = importlib.util.spec_from_file_location(f"vip_calendar_migration_{version.replace('.', '_')}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
