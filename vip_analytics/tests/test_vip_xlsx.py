# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
from datetime import datetime

import openpyxl

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.queue_job.job import Job

from .common import VipAnalyticsCase

SHEETS = ["Profile", "Family", "Preferences", "Trusted Persons", "Interactions", "Operations", "Income"]


@tagged("post_install", "-at_install")
class TestVipXlsx(VipAnalyticsCase):
    def render(self, report, records, user):
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(user)
            .with_context(lang=user.lang)
            ._render_xlsx(f"vip_analytics.{report}", records.ids, {})
        )
        self.assertEqual(kind, "xlsx")
        return openpyxl.load_workbook(io.BytesIO(content))

    def rows(self, sheet):
        return [list(row) for row in sheet.iter_rows(values_only=True)]

    def profile(self, workbook):
        return {row[0]: tuple(row[1:]) for row in self.rows(workbook["Profile"])}

    def column(self, sheet, header):
        rows = self.rows(sheet)
        index = rows[0].index(header)
        return [row[index] for row in rows[1:]]

    def all_text(self, workbook):
        return " ".join(
            str(value) for sheet in workbook.worksheets for row in self.rows(sheet) for value in row if value
        )

    def test_dossier_workbook_cell_by_cell(self):
        workbook = self.render("action_report_dossier_xlsx", self.dossier, self.manager)
        self.assertEqual(workbook.sheetnames, SHEETS)
        for sheet in workbook.worksheets:
            self.assertEqual(sheet.freeze_panes, "B2" if sheet.title == "Profile" else "A2", sheet.title)
        profile = self.profile(workbook)
        self.assertEqual(profile["Client"], ("Петров Иван Сергеевич",))
        self.assertEqual(profile["Client ID"], ("T-0001",))
        self.assertEqual(profile["Tier"], ("Gold",))
        self.assertEqual(profile["Manager"], ("Manager One",))
        self.assertEqual(profile["Income, 12 Months"], (3000.0,))
        self.assertEqual(profile["Income, Previous 12 Months"], (1000.0,))
        self.assertEqual(profile["Year over Year"], (2.0,))
        self.assertEqual(workbook["Profile"]["B25"].number_format, "0.0%")

        family = self.rows(workbook["Family"])
        self.assertEqual(family[0][:3], ["Client", "Relation", "Full Name"])
        self.assertEqual(family[1][1:3], ["Spouse", "Spouse of Петров Иван Сергеевич"])
        self.assertEqual(self.column(workbook["Preferences"], "Preference"), ["Tea for Петров Иван Сергеевич"])
        self.assertEqual(self.column(workbook["Trusted Persons"], "Trusted Person"), ["Lawyer"])
        self.assertEqual(self.column(workbook["Interactions"], "Subject"), ["Call"])

    def test_times_are_the_users_local_time(self):
        self.manager.tz = "Asia/Vladivostok"  # UTC+10
        self.records["vip.interaction"].date = datetime(2026, 3, 1, 22, 30)
        workbook = self.render("action_report_dossier_xlsx", self.dossier, self.manager)
        self.assertEqual(self.column(workbook["Interactions"], "Date"), [datetime(2026, 3, 2, 8, 30)])

        operations = workbook["Operations"]
        self.assertEqual(self.rows(operations)[0][:5], ["Date", "Client", "Type", "Direction", "Amount"])
        # newest first, one row per operation, typed cells with formats
        self.assertEqual(self.column(operations, "External Reference"), ["XL-2", "XL-1", None])
        self.assertEqual(operations["A2"].value, datetime(2026, 2, 10))
        self.assertEqual(operations["A2"].number_format, "yyyy-mm-dd")
        self.assertEqual(operations["C2"].value, "Card payment")
        self.assertEqual(operations["E2"].value, 1234.5)
        self.assertEqual(operations["E2"].number_format, "#,##0.00")
        self.assertEqual(operations["F2"].value, "USD")
        self.assertEqual(self.column(operations, "Amount")[1:], [100.0, 5.0])

        income = self.rows(workbook["Income"])
        self.assertEqual([row[3] for row in income[1:]], [3000.0, 1000.0])  # this client's only, newest first

    def test_other_managers_client_never_reaches_the_file(self):
        with self.assertRaises(AccessError):
            self.render("action_report_dossier_xlsx", self.other_dossier, self.manager)
        with self.assertRaises(AccessError):
            self.render("action_report_portfolio_xlsx", self.dossier | self.other_dossier, self.manager)
        # the deputy and supervisors may
        self.assertEqual(
            self.profile(self.render("action_report_dossier_xlsx", self.dossier, self.deputy))["Client ID"], ("T-0001",)
        )
        workbook = self.render("action_report_dossier_xlsx", self.other_dossier, self.supervisor)
        self.assertEqual(self.profile(workbook)["Client ID"], ("T-0002",))
        # the operations of a search hold the caller's clients only
        self.assertNotIn(
            "Other Client", self.all_text(self.render("action_report_dossier_xlsx", self.dossier, self.manager))
        )

    def test_no_money_for_emergency_access(self):
        self.grant_emergency(self.dossier)
        workbook = self.render("action_report_dossier_xlsx", self.dossier, self.emergency)
        self.assertEqual(workbook.sheetnames, ["Profile", "Family", "Preferences", "Trusted Persons", "Interactions"])
        profile = self.profile(workbook)
        self.assertEqual(profile["Client ID"], ("T-0001",))
        for label in ("Income, 12 Months", "Income, Year to Date", "Year over Year"):
            self.assertNotIn(label, profile)
        text = self.all_text(workbook)
        for secret in ("3000", "1234.5", "XL-1"):
            self.assertNotIn(secret, text)

    def test_portfolio_one_row_per_client_with_totals(self):
        second = self.env["vip.dossier"].create(
            {"name": "Second Client", "user_id": self.manager.id, "client_ref": "T-0003"}
        )
        workbook = self.render("action_report_portfolio_xlsx", self.dossier | second, self.manager)
        rows = self.rows(workbook["Portfolio"])
        header = rows[0]
        self.assertEqual(header[:3], ["Full Name", "Client ID", "Tier"])
        self.assertEqual([row[0] for row in rows[1:3]], ["Second Client", "Петров Иван Сергеевич"])
        income = header.index("Income, 12 Months")
        self.assertEqual([row[income] for row in rows[1:3]], [0, 3000])
        self.assertEqual(rows[3][0], "Total: 2 clients")
        self.assertEqual(rows[3][income], f"=SUM({chr(65 + income)}2:{chr(65 + income)}3)")

    def test_russian_labels_for_a_russian_user(self):
        self.activate_russian()
        self.manager.lang = "ru_RU"
        workbook = self.render("action_report_dossier_xlsx", self.dossier, self.manager)
        self.assertEqual(
            workbook.sheetnames,
            ["Профиль", "Семья", "Предпочтения", "Доверенные лица", "Взаимодействия", "Операции", "Доход"],
        )
        operations = self.rows(workbook["Операции"])
        self.assertEqual(operations[0][0], "Дата")
        self.assertEqual(operations[1][2], "Оплата картой")
        self.assertEqual(workbook["Операции"]["A2"].number_format, "dd.mm.yyyy")

    def test_operations_export_runs_in_the_background_as_its_author(self):
        action = self.env["vip.export"].with_user(self.manager).action_export_operations([])
        self.assertEqual(action["tag"], "display_notification")
        export = self.env["vip.export"].search([("create_uid", "=", self.manager.id)])
        job = self.env["queue.job"].search([("uuid", "=", export.job_uuid)])
        self.assertEqual((job.user_id, job.channel), (self.manager, "root.vip_export"))
        # the job reports each page written against the operations the author may read (3), on a
        # connection of its own: in test mode, the test's own
        self.registry.enter_test_mode(self.cr)
        self.addCleanup(self.registry.leave_test_mode)
        export.with_user(self.manager)._progress_callback([])(1)
        self.assertEqual(export.with_user(self.manager).progress, 33)
        Job.load(self.env, export.job_uuid).perform()
        export.invalidate_recordset(["progress"])
        self.assertEqual((export.progress, export.row_count), (100, 3))
        self.assertEqual(export.state, "done")
        workbook = openpyxl.load_workbook(io.BytesIO(base64.b64decode(export.attachment_id.datas)))
        refs = self.column(workbook["Operations"], "External Reference")
        self.assertEqual(refs, ["XL-2", "XL-1", None])  # not the other manager's operation
        # the clients whose operations went into the file are logged as exported, by the author
        log = self.env["vip.access.log"].search([("event", "=", "export"), ("note", "=", "Operations (XLSX)")])
        self.assertEqual(log.user_id, self.manager)
        self.assertIn(self.dossier, log.dossier_id)
        self.assertFalse(log.filtered(lambda entry: entry.dossier_id.user_id == self.manager2))
        self.assertIn("is ready", " ".join(export.message_ids.mapped("body")))
        # the notification may go out by e-mail: it carries no client data
        self.assertNotIn(export.attachment_id, export.message_ids.attachment_ids)
        # what the job records is the job's alone
        other = self.env["ir.attachment"].create({"name": "other.xlsx", "raw": b"x"})
        with self.assertRaises(AccessError):
            export.with_user(self.manager).write({"attachment_id": other.id})
        # nobody else opens it, not even a supervisor
        self.assertFalse(self.env["vip.export"].with_user(self.supervisor).search([("id", "=", export.id)]))
        with self.assertRaises(AccessError):
            export.attachment_id.with_user(self.manager2).read(["datas"])

    def test_list_selection_decides_what_is_exported(self):
        ops = self.env["vip.operation"].with_user(self.manager).search([("dossier_id", "=", self.dossier.id)])
        Export = self.env["vip.export"].with_user(self.manager)
        domain = [("dossier_id", "=", self.dossier.id)]
        # two rows ticked in a list filtered on the client: those two only
        Export._export_selection(ops[:2], domain)
        self.assertEqual(Export.search([], limit=1).domain, repr([("id", "in", ops[:2].ids)]))
        # every row of the search selected: the search itself (it may hold more than the client sent)
        Export._export_selection(ops, domain)
        self.assertEqual(Export.search([], limit=1).domain, repr(domain))

    def test_every_export_is_logged(self):
        self.render("action_report_dossier_xlsx", self.dossier, self.manager)
        log = self.env["vip.access.log"].search([("dossier_id", "=", self.dossier.id)], limit=1)
        self.assertEqual((log.event, log.user_id, log.note), ("export", self.manager, "Dossier (XLSX)"))

    def test_big_dossier_goes_to_the_background(self):
        self.env["ir.config_parameter"].set_param("vip_analytics.sync_export_rows", 1)
        action = self.dossier.with_user(self.manager).action_export_xlsx()
        self.assertEqual(action["tag"], "display_notification")
        export = self.env["vip.export"].search([("kind", "=", "dossier")])
        self.assertEqual(export.dossier_ids, self.dossier)
        Job.load(self.env, export.job_uuid).perform()
        workbook = openpyxl.load_workbook(io.BytesIO(base64.b64decode(export.attachment_id.datas)))
        self.assertEqual(workbook.sheetnames, SHEETS)
        self.env["ir.config_parameter"].set_param("vip_analytics.sync_export_rows", 1000)
        action = self.dossier.with_user(self.manager).action_export_xlsx()
        self.assertEqual((action["type"], action["report_name"]), ("ir.actions.report", "vip_analytics.dossier_xlsx"))
