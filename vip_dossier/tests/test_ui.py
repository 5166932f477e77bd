# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from .common import VipTourMixin


class VipDossierTourMixin(VipTourMixin):
    """Runs the dossier tour as a VIP manager and checks what it saved."""

    def test_create_dossier_with_relative_and_interaction(self):
        self.start_tour("/odoo", "vip_dossier_tour", login=self.manager.login)
        dossier = self.env["vip.dossier"].search([("name", "=", "Тестова Мария Ивановна")])
        self.assertEqual(len(dossier), 1)
        self.assertEqual(dossier.user_id, self.manager)
        self.assertEqual(dossier.formal_address, "Мария Ивановна")
        self.assertEqual(dossier.relative_ids.name, "Тестов Пётр")
        self.assertEqual(dossier.relative_ids.phone, "+7 916 000-00-01")
        self.assertEqual(dossier.interaction_ids.subject, "Знакомство")
        self.assertEqual(dossier.interaction_ids.user_id, self.manager)
        posted = dossier.message_ids.filtered(lambda m: m.subtype_id == self.env.ref("vip_dossier.mt_vip_interaction"))
        self.assertEqual(len(posted), 1)
        self.assertIn("Знакомство", posted.body)


@tagged("post_install", "-at_install")
class TestUiDesktop(VipDossierTourMixin, HttpCase):
    pass


@tagged("post_install", "-at_install")
class TestUiPhone(VipDossierTourMixin, HttpCase):
    browser_size = "375x667"
    touch_enabled = True

    def test_lists_are_cards(self):
        """At phone width the lists, and the lists inside a client's form, open as cards; a tap on a client's card
        opens it: only a button dials (#16)."""
        dossier = self.env["vip.dossier"].create(
            {"name": "Phone Client", "user_id": self.manager.id, "phone": "+7 916 000-00-02"}
        )
        self.env["vip.relative"].create(
            {
                "dossier_id": dossier.id,
                "relation_type_id": self.env.ref("vip_dossier.vip_relation_type_spouse").id,
                "first_name": "Phone Relative",
            }
        )
        self.env["vip.interaction"].create({"dossier_id": dossier.id, "subject": "Phone Call"})
        self.env["vip.preference"].create(
            {
                "dossier_id": dossier.id,
                "category_id": self.env.ref("vip_dossier.vip_preference_category_gifts").id,
                "value": "Phone Tea",
            }
        )
        self.start_tour("/odoo", "vip_dossier_phone_cards_tour", login=self.manager.login)


@tagged("post_install", "-at_install")
class TestUiRussian(VipDossierTourMixin, HttpCase):
    lang = "ru_RU"


@tagged("post_install", "-at_install")
class TestUiRussianPhone(VipDossierTourMixin, HttpCase):
    lang = "ru_RU"
    browser_size = "375x667"
    touch_enabled = True
