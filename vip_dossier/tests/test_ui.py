# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged


class VipTourMixin:
    """Runs the dossier tour as a VIP manager and checks what it saved."""

    lang = "en_US"
    allow_inherited_tests_method = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()  # pylint: disable=no-member
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        if cls.lang != "en_US":
            cls.env["res.lang"]._activate_lang(cls.lang)
            cls.env["ir.module.module"]._load_module_terms(["base", "web", "mail", "vip_dossier"], [cls.lang])
        cls.manager = new_test_user(
            cls.env,
            "vip_tour_manager",
            groups="vip_dossier.group_vip_manager",
            name="Tour Manager",
            lang=cls.lang,
        )

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
class TestUiDesktop(VipTourMixin, HttpCase):
    pass


@tagged("post_install", "-at_install")
class TestUiPhone(VipTourMixin, HttpCase):
    browser_size = "375x667"
    touch_enabled = True


@tagged("post_install", "-at_install")
class TestUiRussian(VipTourMixin, HttpCase):
    lang = "ru_RU"


@tagged("post_install", "-at_install")
class TestUiRussianPhone(VipTourMixin, HttpCase):
    lang = "ru_RU"
    browser_size = "375x667"
    touch_enabled = True
