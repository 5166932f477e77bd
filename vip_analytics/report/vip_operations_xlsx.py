# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class VipOperationsXlsx(models.AbstractModel):
    """Operations of a search, any number of them, newest first (see vip.export)."""

    _name = "report.vip_analytics.operations_xlsx"
    _inherit = "report.vip_analytics.xlsx_common"
    _description = "VIP Desk: Operations (XLSX)"

    def _get_objs_for_report(self, docids, data):
        return self.env["vip.operation"].browse(docids or [])

    def generate_xlsx_report(self, workbook, data, operations):
        domain = list((data or {}).get("domain") or [])
        if operations:
            domain.append(("id", "in", operations.ids))
        formats = self._formats(workbook)
        return self._write_operations(
            workbook, self.env._("Operations"), formats, domain, progress=(data or {}).get("progress")
        )
