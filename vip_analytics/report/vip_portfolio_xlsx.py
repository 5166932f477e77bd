# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from xlsxwriter.utility import xl_col_to_name

from odoo import models

COLUMNS = (
    ("name", 30, "text"),
    ("client_ref", 12, "text"),
    ("tier_id", 12, "many2one"),
    ("user_id", 20, "many2one"),
    ("deputy_id", 20, "many2one"),
    ("client_since", 12, "date"),
    ("phone", 16, "text"),
    ("email", 24, "text"),
    ("employer_id", 24, "many2one"),
    ("job_title", 20, "text"),
    ("completeness", 10, "number"),
    ("last_interaction_date", 17, "datetime"),
    ("next_key_date", 12, "date"),
    ("next_key_date_name", 24, "text"),
    ("income_12m", 16, "money"),
    ("income_prev_12m", 16, "money"),
    ("income_yoy", 10, "percent"),
    ("income_ytd", 16, "money"),
)


class VipPortfolioXlsx(models.AbstractModel):
    """A manager's portfolio: one row per client with the key facts and income, totals at the bottom."""

    _name = "report.vip_analytics.portfolio_xlsx"
    _inherit = "report.vip_analytics.xlsx_common"
    _description = "VIP Desk: Portfolio (XLSX)"

    def generate_xlsx_report(self, workbook, data, dossiers):
        dossiers.check_access("read")
        self.env["vip.access.log"]._log(dossiers, event="export", channel="report", note=self.env._("Portfolio (XLSX)"))
        formats = self._formats(workbook)
        dossiers = dossiers.sorted(lambda d: (d.user_id.name or "", d.name or ""))
        sheet = self._write_records(workbook, self.env._("Portfolio"), formats, dossiers, COLUMNS)
        columns = self._readable("vip.dossier", COLUMNS)
        last = len(dossiers)
        if not dossiers:
            return
        sheet.write_string(last + 1, 0, self.env._("Total: %(count)s clients", count=last), formats["total"])
        for col, (_fname, _width, kind) in enumerate(columns):
            if kind == "money":
                letter = xl_col_to_name(col)
                total = sum(dossiers.mapped(columns[col][0]))
                sheet.write_formula(last + 1, col, f"=SUM({letter}2:{letter}{last + 1})", formats["money_total"], total)
