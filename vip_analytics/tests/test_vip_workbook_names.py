# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from urllib.parse import unquote

from freezegun import freeze_time

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestWorkbookNames(HttpCase):
    """A downloaded workbook is named in the user's language after the client and the local time: two
    downloads do not overwrite each other, and a Russian manager does not get «dossier-T-1.xlsx»."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("ru_RU")
        cls.env["ir.module.module"]._load_module_terms(["vip_analytics"], ["ru_RU"])
        cls.manager = new_test_user(
            cls.env, "vip_t_names", groups="vip_dossier.group_vip_manager", lang="ru_RU", tz="Europe/Moscow"
        )
        cls.dossier = cls.env["vip.dossier"].create({"name": "Иванов Иван", "user_id": cls.manager.id})

    def download(self, report, ids):
        self.authenticate(self.manager.login, self.manager.login)
        response = self.url_open(f"/report/xlsx/vip_analytics.{report}/{','.join(map(str, ids))}")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.content.startswith(b"PK"))
        return unquote(response.headers["Content-Disposition"])

    @freeze_time("2026-12-02 11:05:00")
    def test_dossier_and_portfolio_workbooks(self):
        # 11:05 UTC is 14:05 in Moscow
        self.assertIn("Досье Иванов Иван 2026-12-02 14-05.xlsx", self.download("dossier_xlsx", self.dossier.ids))
        self.assertIn("Портфель 2026-12-02 14-05.xlsx", self.download("portfolio_xlsx", self.dossier.ids))

    def test_names_are_file_names(self):
        self.dossier.name = 'A/B: "C" <D>'
        name = self.env["vip.export"].with_user(self.manager)._workbook_name("dossier", self.dossier)
        self.assertFalse(set('/\\:*?"<>|') & set(name), name)
