# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.tools import SQL


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
        rows = self._write_operations(
            workbook, self.env._("Operations"), formats, domain, progress=(data or {}).get("progress")
        )
        # the clients whose operations went into the file, as the user may read them: one log entry each
        Operation = self.env["vip.operation"]
        if Operation.has_access("read"):
            query = Operation._search(domain)
            clients = self.env.execute_query(
                query.select(SQL("DISTINCT %s", SQL.identifier(query.table, "dossier_id")))
            )
            self.env["vip.access.log"]._log(
                self.env["vip.dossier"].browse(client for (client,) in clients),
                event="export",
                channel="report",
                note=self.env._("Operations (XLSX)"),
            )
        return rows
