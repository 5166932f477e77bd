# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.vip_dossier.tests.common import VipTourMixin


class VipOverviewTourMixin(VipTourMixin):
    """A client of the tour manager whose birthday is in two days, an overdue task, income."""

    tour_login = "vip_tour_ov_manager"
    tour_modules = ("base", "web", "mail", "calendar", "vip_dossier", "vip_security", "vip_calendar", "vip_analytics")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.supervisor = new_test_user(
            cls.env,
            "vip_tour_supervisor",
            groups="vip_dossier.group_vip_supervisor",
            name="Tour Supervisor",
            lang=cls.lang,
        )
        today = fields.Date.context_today(cls.env["vip.dossier"])
        cls.dossier = cls.env["vip.dossier"].create(
            {
                "name": "Tour Client",
                "user_id": cls.manager.id,
                "consent_date": "2020-01-01",
                "birth_date": today + timedelta(days=2) - relativedelta(years=40),
            }
        )
        cls.dossier.activity_schedule(
            "mail.mail_activity_data_todo", date_deadline=today - timedelta(days=2), user_id=cls.manager.id
        )
        cls.env["vip.income"].create(
            {"dossier_id": cls.dossier.id, "date": today.replace(day=1), "product_line": "fees", "amount": 1000}
        )

    def test_branch_head_overview(self):
        """A branch head's overview shows the branch's manager and client, nothing of another branch's,
        and opens the branch's client from it (#13)."""
        head = new_test_user(
            self.env, "vip_tour_head", groups="vip_security.group_vip_branch_head", name="Tour Head", lang=self.lang
        )
        branch = self.env["vip.branch"].create({"name": "Tour Branch", "head_user_ids": [Command.link(head.id)]})
        self.dossier.branch_id = branch
        elsewhere = new_test_user(
            self.env, "vip_tour_elsewhere", groups="vip_dossier.group_vip_manager", name="Other Branch Manager"
        )
        other = self.env["vip.dossier"].create({"name": "Other Branch Client", "user_id": elsewhere.id})
        today = fields.Date.context_today(self.env["vip.dossier"])
        other.activity_schedule(
            "mail.mail_activity_data_todo", date_deadline=today - timedelta(days=2), user_id=elsewhere.id
        )
        self.start_tour("/odoo/vip-overview", "vip_overview_branch_tour", login=head.login)

    def test_overview(self):
        self.start_tour("/odoo/vip-overview", "vip_overview_tour", login=self.supervisor.login)

    def test_overdue_task_is_escalated(self):
        self.start_tour("/odoo/vip-overview", "vip_overview_overdue_tour", login=self.supervisor.login)
        activity = self.env["mail.activity"].search(
            [("res_model", "=", "vip.dossier"), ("res_id", "=", self.dossier.id)]
        )
        self.assertEqual(activity.vip_escalated_by_id, self.supervisor)


@tagged("post_install", "-at_install")
class TestOverviewUiDesktop(VipOverviewTourMixin, HttpCase):
    pass


@tagged("post_install", "-at_install")
class TestOverviewUiPhone(VipOverviewTourMixin, HttpCase):
    browser_size = "375x667"
    touch_enabled = True


@tagged("post_install", "-at_install")
class TestOverviewUiRussianPhone(VipOverviewTourMixin, HttpCase):
    lang = "ru_RU"
    browser_size = "375x667"
    touch_enabled = True
