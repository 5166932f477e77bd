# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from odoo.addons.vip_security.models.vip_access_logged_mixin import LOGGED

# (field, width, kind)
COLUMNS = (
    ("year", 8, "number"),
    ("recipient_name", 30, "text"),
    ("relation", 16, "text"),
    ("dossier_id", 30, "many2one"),
    ("user_id", 22, "many2one"),
    ("gift_count", 8, "number"),
    ("total_amount", 16, "money"),
    ("tax_free_limit", 16, "money"),
    ("excess_amount", 16, "money"),
)


class VipGiftTaxableXlsx(models.AbstractModel):
    """Gifts per recipient and year with the taxable excess: what the bank reports as tax agent
    (Tax Code art. 217 p. 28)."""

    _name = "report.vip_compliance.gift_taxable_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "VIP Desk: Taxable Gifts (XLSX)"

    def generate_xlsx_report(self, workbook, data, rows):
        # read as the user: the row rules decide, and the export is logged once per client
        rows.check_access("read")
        self.env["vip.access.log"]._log(
            rows.sudo().dossier_id, event="export", channel="report", note=self.env._("Taxable Gifts (XLSX)")
        )
        rows = rows.with_context(vip_access_log=LOGGED).sorted(
            lambda r: (-r.year, -r.excess_amount, r.recipient_name or "")
        )
        currency = self.env.company.currency_id
        money = f"#,##0.{'0' * currency.decimal_places}" if currency.decimal_places else "#,##0"
        formats = {
            "header": workbook.add_format({"bold": True, "bg_color": "#E9ECEF", "bottom": 1, "text_wrap": True}),
            "text": workbook.add_format({"valign": "top"}),
            "number": workbook.add_format({"num_format": "0", "valign": "top"}),
            "money": workbook.add_format({"num_format": money, "valign": "top"}),
            "total": workbook.add_format({"bold": True, "top": 1}),
            "money_total": workbook.add_format({"num_format": money, "bold": True, "top": 1}),
        }
        sheet = workbook.add_worksheet(self.env._("Taxable Gifts")[:31])
        Row = self.env["vip.gift.recipient.year"]
        headers = [
            self.env._("Relation") if fname == "relation" else Row._fields[fname]._description_string(self.env)
            for fname, _width, _kind in COLUMNS
        ]
        for col, (_fname, width, _kind) in enumerate(COLUMNS):
            sheet.set_column(col, col, width)
        sheet.write_row(0, 0, headers, formats["header"])
        sheet.freeze_panes(1, 0)
        client = self.env._("Client")
        for index, row in enumerate(rows, start=1):
            values = {
                "year": row.year,
                "recipient_name": row.recipient_name or "",
                "relation": row.relative_id.relation_type_id.name if row.relative_id else client,
                "dossier_id": row.dossier_id.name or "",
                "user_id": row.user_id.name or "",
                "gift_count": row.gift_count,
                "total_amount": row.total_amount,
                "tax_free_limit": row.tax_free_limit,
                "excess_amount": row.excess_amount,
            }
            for col, (fname, _width, kind) in enumerate(COLUMNS):
                if kind == "text" or kind == "many2one":
                    sheet.write_string(index, col, values[fname], formats["text"])
                else:
                    sheet.write_number(index, col, values[fname], formats[kind])
        last = len(rows)
        if last:
            sheet.autofilter(0, 0, last, len(COLUMNS) - 1)
        sheet.write_string(last + 1, 0, self.env._("Total"), formats["total"])
        excess_col = len(COLUMNS) - 1
        sheet.write_number(last + 1, excess_col, sum(rows.mapped("excess_amount")), formats["money_total"])
