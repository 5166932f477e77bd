# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.vip_dossier.tests.common import VipTourMixin


class VipGiftTourMixin(VipTourMixin):
    """A manager registers a gift to a civil-servant relative above the limit, sees the warning and sends it
    for approval; the supervisor approves it."""

    tour_login = "vip_tour_gift"
    tour_modules = ("base", "web", "mail", "vip_dossier", "vip_calendar", "vip_compliance")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.vip_gift_civil_servant_limit = 3000
        cls.supervisor = new_test_user(
            cls.env, f"{cls.tour_login}_sup", groups="vip_dossier.group_vip_supervisor", lang=cls.lang
        )
        cls.dossier = cls.env["vip.dossier"].create({"name": "Tour Client", "user_id": cls.manager.id})
        cls.relative = cls.env["vip.relative"].create(
            {
                "dossier_id": cls.dossier.id,
                "relation_type_id": cls.env.ref("vip_dossier.vip_relation_type_spouse").id,
                "first_name": "Official",
                "last_name": "Tour",
                "is_civil_servant": True,
            }
        )

    def test_gift_to_a_civil_servant_is_approved(self):
        self.start_tour(
            "/odoo/action-vip_compliance.vip_gift_action", "vip_gift_register_tour", login=self.manager.login
        )
        gift = self.env["vip.gift"].search([("dossier_id", "=", self.dossier.id)])
        self.assertEqual((gift.state, gift.relative_id, gift.amount), ("to_approve", self.relative, 5000))
        self.assertTrue(gift.approval_required)
        self.start_tour(
            "/odoo/action-vip_compliance.vip_gift_action_to_approve",
            "vip_gift_approve_tour",
            login=self.supervisor.login,
        )
        self.assertEqual((gift.state, gift.approver_id), ("approved", self.supervisor))


@tagged("post_install", "-at_install")
class TestGiftUiDesktop(VipGiftTourMixin, HttpCase):
    pass


@tagged("post_install", "-at_install")
class TestGiftUiPhone(VipGiftTourMixin, HttpCase):
    browser_size = "375x667"
    touch_enabled = True


@tagged("post_install", "-at_install")
class TestGiftUiRussianPhone(VipGiftTourMixin, HttpCase):
    lang = "ru_RU"
    browser_size = "375x667"
    touch_enabled = True
