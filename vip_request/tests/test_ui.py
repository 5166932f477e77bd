# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.vip_dossier.tests.common import VipTourMixin


class VipRequestTourMixin(VipTourMixin):
    """A manager with a client, and an expertise area answered by an employee without VIP access."""

    tour_login = "vip_tour_req"
    tour_modules = ("base", "web", "mail", "vip_dossier", "vip_calendar", "vip_request")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dossier = cls.env["vip.dossier"].create({"name": "Tour Client", "user_id": cls.manager.id})
        cls.manager.email = "tour.manager@bank.example"
        cls.expert = new_test_user(
            cls.env, "vip_tour_expert", groups="base.group_user", name="Tour Expert", email="expert@bank.example"
        )
        cls.area = cls.env["vip.request.area"].create({"name": "Tour Taxes", "expert_id": cls.expert.id})

    def test_request_from_question_to_follow_up(self):
        self.start_tour("/odoo/action-vip_request.vip_request_action", "vip_request_tour", login=self.manager.login)
        request = self.env["vip.request"].search([("dossier_id", "=", self.dossier.id)])
        self.assertEqual((request.state, request.expert_id), ("answered", self.expert))
        follow_up = request.follow_up_activity_id
        self.assertEqual((follow_up.res_model, follow_up.res_id), ("vip.dossier", self.dossier.id))
        self.assertEqual(follow_up.user_id, self.manager)


@tagged("post_install", "-at_install")
class TestRequestUiDesktop(VipRequestTourMixin, HttpCase):
    pass


@tagged("post_install", "-at_install")
class TestRequestUiPhone(VipRequestTourMixin, HttpCase):
    browser_size = "375x667"
    touch_enabled = True


@tagged("post_install", "-at_install")
class TestRequestUiRussianPhone(VipRequestTourMixin, HttpCase):
    lang = "ru_RU"
    browser_size = "375x667"
    touch_enabled = True
