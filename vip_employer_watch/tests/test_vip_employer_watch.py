# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.tests.common import tagged

from odoo.addons.vip_calendar.tests.common import VipCalendarCase


@tagged("post_install", "-at_install")
class TestVipEmployerWatch(VipCalendarCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.watch = cls.env.ref("vip_employer_watch.mail_activity_type_site_watch")
        cls.tier.site_watch_days = 30
        employer = cls.env["res.partner"].create(
            {"name": "Stroy", "is_company": True, "website": "https://stroy.example"}
        )
        cls.dossier.write({"employer_id": employer.id, "employer_site_checked_date": "2026-05-01"})

    def _watch_tasks(self):
        return self.dossier.activity_ids.filtered(lambda a: a.activity_type_id == self.watch)

    def test_task_at_the_tiers_frequency_once(self):
        with freeze_time("2026-05-25"):
            self.env["vip.dossier"]._cron_employer_watch()
        self.assertFalse(self._watch_tasks(), "checked 24 days ago: not yet")
        with freeze_time("2026-06-01"):
            self.env["vip.dossier"]._cron_employer_watch()
            self.env["vip.dossier"]._cron_employer_watch()
        task = self._watch_tasks()
        self.assertEqual(len(task), 1, "once")
        self.assertEqual(task.user_id, self.manager)
        self.assertIn("stroy.example", task.summary)
        # the manager looks and says so: the task is done, the clock restarts
        with freeze_time("2026-06-02"):
            self.env["vip.employer.finding"].with_user(self.manager).create(
                {"dossier_id": self.dossier.id, "note": "A new office in Kazan"}
            )
        self.assertFalse(self._watch_tasks())
        with freeze_time("2026-06-20"):
            self.env["vip.dossier"]._cron_employer_watch()
        self.assertFalse(self._watch_tasks())

    def test_the_task_is_in_the_managers_language(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.env["ir.module.module"]._load_module_terms(["vip_employer_watch"], ["ru_RU"])
        self.manager.lang = "ru_RU"
        with freeze_time("2026-06-01"):
            self.env["vip.dossier"].with_context(lang="en_US")._cron_employer_watch()
        self.assertEqual(self._watch_tasks().summary, "Просмотреть https://stroy.example")

    def test_no_site_or_never_no_task(self):
        self.tier.site_watch_days = 0
        with freeze_time("2026-06-01"):
            self.env["vip.dossier"]._cron_employer_watch()
        self.assertFalse(self._watch_tasks())

    def test_the_filter_finds_what_the_run_reminds(self):
        """The list's filter and the run share one definition: the tier's frequency, not 30 days
        written in a view."""
        Dossier = self.env["vip.dossier"].with_user(self.manager)
        self.tier.site_watch_days = 60
        with freeze_time("2026-06-10"):  # checked 40 days ago: due for a 30-day tier, not a 60-day one
            self.assertNotIn(self.dossier, Dossier.search([("site_watch_due", "=", True)]))
            self.assertIn(self.dossier, Dossier.search([("site_watch_due", "=", False)]))
            self.assertFalse(self.dossier.site_watch_due)
            self.assertFalse(self.env["vip.dossier"]._cron_employer_watch() & self.dossier)
        with freeze_time("2026-07-01"):  # 61 days
            self.dossier.invalidate_recordset(["site_watch_due"])
            self.assertIn(self.dossier, Dossier.search([("site_watch_due", "=", True)]))
            self.assertTrue(self.dossier.site_watch_due)
            self.assertIn(self.dossier, self.env["vip.dossier"]._cron_employer_watch())
