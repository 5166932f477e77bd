# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.http import content_disposition, request, route

from odoo.addons.report_xlsx.controllers.main import ReportController

# the workbooks of this addon, and the kind of file each one is
WORKBOOKS = {"vip_analytics.dossier_xlsx": "dossier", "vip_analytics.portfolio_xlsx": "portfolio"}


class VipReportController(ReportController):
    """The workbooks download under a name in the user's language, with the client and the time
    (report_xlsx names them after the report: «Досье (XLSX).xlsx» every time)."""

    @route()
    def report_routes(self, reportname, docids=None, converter=None, **data):
        response = super().report_routes(reportname, docids=docids, converter=converter, **data)
        kind = WORKBOOKS.get(reportname)
        if converter == "xlsx" and kind and response.status_code == 200:
            ids = [int(i) for i in docids.split(",")] if docids else []
            # the records were read by the report, with the user's rights, just now
            dossiers = request.env["vip.dossier"].browse(ids)
            name = request.env["vip.export"]._workbook_name(kind, dossiers)
            response.headers["Content-Disposition"] = content_disposition(f"{name}.xlsx")
        return response
