# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.vip_dossier.tests.common import VipTourMixin


class VipKeyDatesTourMixin(VipTourMixin):
    """A manager with a client whose birthday is today, and its task."""

    tour_login = "vip_tour_kd"
    tour_modules = ("base", "web", "mail", "calendar", "vip_dossier", "vip_calendar")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.context_today(cls.env["vip.dossier"])
        cls.dossier = cls.env["vip.dossier"].create(
            {
                "name": "Tour Client",
                "user_id": cls.manager.id,
                "consent_date": "2020-01-01",
                "birth_date": today - relativedelta(years=40),
            }
        )
        cls.env["vip.key.date"]._cron_create_reminders()

    def test_calendar_and_activity_view(self):
        self.assertTrue(self.dossier.activity_ids, "the run created today's task")
        self.start_tour(
            "/odoo/action-vip_calendar.vip_key_date_action", "vip_key_dates_calendar_tour", login=self.manager.login
        )
        self.start_tour(
            "/odoo/action-vip_dossier.vip_dossier_action?view_type=activity",
            "vip_dossier_activity_tour",
            login=self.manager.login,
        )

    def test_my_day(self):
        """A manager lands on My Day and works the day's tasks from it (#16)."""
        today = fields.Date.context_today(self.env["vip.dossier"])
        self.dossier.activity_schedule(
            "mail.mail_activity_data_call",
            summary="Call about the deposit",
            note="<p>Offer the new rate</p>",
            date_deadline=today - relativedelta(days=2),
            user_id=self.manager.id,
        )
        self.start_tour("/odoo", "vip_my_day_tour", login=self.manager.login)
        self.assertFalse(self.dossier.activity_ids, "both tasks done")
        reminder = self.dossier.reminder_ids
        self.assertEqual((reminder.outcome, reminder.status), ("done", "done"))

    def test_mark_done_popover_fits_the_screen(self):
        self.dossier.activity_schedule("mail.mail_activity_data_todo", summary="Plain task", user_id=self.manager.id)
        self.start_tour(
            f"/odoo/action-vip_dossier.vip_dossier_action/{self.dossier.id}",
            "vip_mark_done_popover_tour",
            login=self.manager.login,
        )

    def test_congratulations_tab_and_outcome(self):
        """The tab offers no «Add» and opens reminders read-only; Mark Done asks the outcome (#16)."""
        self.start_tour(
            f"/odoo/action-vip_dossier.vip_dossier_action/{self.dossier.id}",
            "vip_congratulations_tour",
            login=self.manager.login,
        )
        reminder = self.dossier.reminder_ids
        self.assertEqual((reminder.outcome, reminder.status), ("unreachable", "done"))
        self.assertEqual(
            self.dossier.interaction_ids.filtered(lambda i: i.channel == "congratulation").user_id, self.manager
        )


@tagged("post_install", "-at_install")
class TestKeyDatesUiDesktop(VipKeyDatesTourMixin, HttpCase):
    pass


@tagged("post_install", "-at_install")
class TestKeyDatesUiPhone(VipKeyDatesTourMixin, HttpCase):
    browser_size = "375x667"
    touch_enabled = True


@tagged("post_install", "-at_install")
class TestKeyDatesUiRussianPhone(VipKeyDatesTourMixin, HttpCase):
    lang = "ru_RU"
    browser_size = "375x667"
    touch_enabled = True


class VipFamilyEventsTourMixin(VipTourMixin):
    """A manager's client with a wife: she dies, the client mourns."""

    tour_login = "vip_tour_fam"
    tour_modules = ("base", "web", "mail", "calendar", "vip_dossier", "vip_calendar")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dossier = cls.env["vip.dossier"].create(
            {"name": "Tour Client", "user_id": cls.manager.id, "consent_date": "2020-01-01"}
        )
        cls.wife = cls.env["vip.relative"].create(
            {
                "dossier_id": cls.dossier.id,
                "relation_type_id": cls.env.ref("vip_dossier.vip_relation_type_spouse").id,
                "first_name": "Tour Wife",
                "birth_date": "1975-06-25",
            }
        )

    def test_deceased_relative_and_mourning(self):
        condolence = self.env.ref("vip_calendar.mail_activity_type_condolence")
        self.start_tour(
            f"/odoo/action-vip_dossier.vip_relative_action/{self.wife.id}",
            "vip_deceased_relative_tour",
            login=self.manager.login,
        )
        self.assertTrue(self.wife.is_deceased)
        self.assertEqual(len(self.dossier.activity_ids.filtered(lambda a: a.activity_type_id == condolence)), 1)
        self.start_tour(
            f"/odoo/action-vip_dossier.vip_dossier_action/{self.dossier.id}",
            "vip_quiet_period_tour",
            login=self.manager.login,
        )
        self.assertEqual(self.dossier.quiet_period_ids.reason, "mourning")
        self.assertTrue(self.dossier.is_quiet)


@tagged("post_install", "-at_install")
class TestFamilyEventsUiDesktop(VipFamilyEventsTourMixin, HttpCase):
    pass


@tagged("post_install", "-at_install")
class TestFamilyEventsUiPhone(VipFamilyEventsTourMixin, HttpCase):
    browser_size = "375x667"
    touch_enabled = True


@tagged("post_install", "-at_install")
class TestFamilyEventsUiRussianPhone(VipFamilyEventsTourMixin, HttpCase):
    lang = "ru_RU"
    browser_size = "375x667"
    touch_enabled = True
