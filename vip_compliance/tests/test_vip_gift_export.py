# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
import json
from datetime import date
from urllib.parse import unquote

import openpyxl

from odoo import http
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import VipGiftCase


@tagged("post_install", "-at_install")
class TestVipGiftExport(VipGiftCase):
    def workbook(self, user, rows):
        report = self.env.ref("vip_compliance.action_report_gift_taxable_xlsx")
        content, kind = report.with_user(user)._render_xlsx(report.report_name, rows.ids, data={})
        self.assertEqual(kind, "xlsx")
        return openpyxl.load_workbook(io.BytesIO(content)).active

    def test_the_taxable_list_exported(self):
        self.given(3000, day=date(2026, 3, 1))
        self.given(1500, day=date(2026, 4, 1))
        self.given(3000, relative=self.relative, day=date(2026, 4, 1))
        self.given(1000, relative=self.relative, day=date(2026, 5, 1))
        self.given(5000, dossier=self.other_dossier, user=self.manager2)
        self.fresh()
        Rows = self.env["vip.gift.recipient.year"].with_user(self.manager)
        rows = Rows.search([])
        self.assertEqual(len(rows), 2, "the client and the spouse: not the other manager's client")
        action = rows.action_export_xlsx()
        self.assertEqual(action["report_name"], "vip_compliance.gift_taxable_xlsx")
        # nothing selected: every taxable row the user reads
        self.assertEqual(Rows.action_export_xlsx()["context"]["active_ids"], rows.filtered("taxable").ids)
        sheet = self.workbook(self.manager, rows)
        values = [[cell.value for cell in row] for row in sheet.iter_rows()]
        self.assertEqual(values[0][:3], ["Year", "Recipient", "Relation"])
        self.assertEqual(values[0][-1], "Taxable Excess")
        body = {row[1]: row for row in values[1:3]}
        client = body[self.dossier.name]
        self.assertEqual(client[0], 2026)
        self.assertEqual(client[2], "Client")
        self.assertEqual(client[5:], [2, 4500, 4000, 500])
        spouse = body[self.relative.name]
        self.assertEqual(spouse[2], self.spouse.name)
        self.assertEqual(spouse[5:], [2, 4000, 4000, 0])
        self.assertEqual(values[3][0], "Total")
        self.assertEqual(values[3][-1], 500)
        # the export is logged as one
        self.assertTrue(
            self.env["vip.access.log"].search(
                [("dossier_id", "=", self.dossier.id), ("user_id", "=", self.manager.id), ("event", "=", "export")]
            )
        )

    def test_the_export_obeys_the_rules(self):
        self.given(5000, dossier=self.other_dossier, user=self.manager2)
        self.fresh()
        other_row = self.env["vip.gift.recipient.year"].search([("dossier_id", "=", self.other_dossier.id)])
        with self.assertRaises(AccessError):
            self.workbook(self.manager, other_row)
        self.assertEqual(self.workbook(self.supervisor, other_row).cell(2, 2).value, "Other Client")


@tagged("post_install", "-at_install")
class TestVipGiftWorkbookName(HttpCase):
    """The workbook downloads under a name in the user's language."""

    def test_russian_file_name(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.env["ir.module.module"]._load_module_terms(["vip_compliance"], ["ru_RU"])
        manager = new_test_user(self.env, "vip_t_gift_ru", groups="vip_dossier.group_vip_manager", lang="ru_RU")
        dossier = self.env["vip.dossier"].create({"name": "Иванов Иван", "user_id": manager.id})
        gift = self.env["vip.gift"].create({"dossier_id": dossier.id, "name": "Часы", "amount": 5000})
        gift.action_mark_given()
        row = self.env["vip.gift.recipient.year"].search([("dossier_id", "=", dossier.id)])
        self.authenticate(manager.login, manager.login)
        response = self.url_open(
            "/report/download",
            data={
                "data": json.dumps([f"/report/xlsx/vip_compliance.gift_taxable_xlsx/{row.id}", "xlsx"]),
                "context": json.dumps({"lang": "ru_RU"}),
                "token": "dummy",
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.content.startswith(b"PK"))
        self.assertIn("Подарки, облагаемые НДФЛ.xlsx", unquote(response.headers["Content-Disposition"]))
