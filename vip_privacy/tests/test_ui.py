# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from odoo.addons.vip_dossier.tests.common import VipTourMixin


class VipErasureTourMixin(VipTourMixin):
    """A manager's client with a spouse who consented, and later withdraws it."""

    tour_login = "vip_tour_erasure"
    tour_modules = ("base", "web", "mail", "vip_dossier", "vip_security", "vip_calendar", "vip_privacy")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dossier = cls.env["vip.dossier"].create(
            {"name": "Tour Client", "user_id": cls.manager.id, "consent_date": "2020-01-01"}
        )
        cls.relative = cls.env["vip.relative"].create(
            {
                "dossier_id": cls.dossier.id,
                "relation_type_id": cls.env.ref("vip_dossier.vip_relation_type_spouse").id,
                "first_name": "Tour Spouse",
                "birth_date": "1980-05-05",
                "consent_date": "2020-01-01",
            }
        )

    def test_withdraw_and_erase(self):
        self.start_tour(
            f"/odoo/action-vip_dossier.vip_relative_action/{self.relative.id}",
            "vip_erasure_tour",
            login=self.manager.login,
        )
        case = self.env["vip.erasure"].search([("dossier_id", "=", self.dossier.id)])
        self.assertEqual((case.state, case.document, case.erased_by_id), ("done", "Заявление № 15", self.manager))
        self.assertFalse(self.relative.exists())
        self.assertTrue(
            self.env["vip.access.log"].search([("event", "=", "erasure"), ("dossier_id", "=", self.dossier.id)])
        )


@tagged("post_install", "-at_install")
class TestErasureUiDesktop(VipErasureTourMixin, HttpCase):
    pass


@tagged("post_install", "-at_install")
class TestErasureUiPhone(VipErasureTourMixin, HttpCase):
    browser_size = "375x667"
    touch_enabled = True


@tagged("post_install", "-at_install")
class TestErasureUiRussianPhone(VipErasureTourMixin, HttpCase):
    lang = "ru_RU"
    browser_size = "375x667"
    touch_enabled = True
