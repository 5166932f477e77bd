# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import ast
import logging
import os
import tempfile

from odoo import api, fields, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)


class VipExport(models.Model):
    """An XLSX export too big for an HTTP request, written by a background job.

    The job runs as the user who asked (queue_job keeps the user), so the file
    holds exactly what that user may read. When it is done, the file is attached
    here and the user is notified, with a link.
    """

    _name = "vip.export"
    _description = "VIP Background Export"
    _inherit = ["mail.thread", "vip.progress.mixin"]
    _order = "id desc"

    name = fields.Char(required=True)
    kind = fields.Selection(
        [("operations", "Operations"), ("dossier", "Dossier")], required=True, default="operations", readonly=True
    )
    domain = fields.Char(default="[]", readonly=True, help="Which operations, as the list showed them.")
    dossier_ids = fields.Many2many("vip.dossier", string="Clients", readonly=True)
    state = fields.Selection(
        [("queued", "In Progress"), ("done", "Done"), ("failed", "Failed")],
        default="queued",
        required=True,
        readonly=True,
    )
    row_count = fields.Integer(string="Operations", readonly=True, help="Operation rows written to the file.")
    attachment_id = fields.Many2one("ir.attachment", string="File", readonly=True)
    error = fields.Text(readonly=True)
    date_done = fields.Datetime(string="Finished On", readonly=True)
    job_uuid = fields.Char(readonly=True, index="btree_not_null")

    @api.model
    def _workbook_name(self, kind, dossiers=None):
        """The file name of a workbook, in the user's language, with the user's local time: two files
        made the same day do not overwrite each other in the Downloads folder."""
        stamp = fields.Datetime.context_timestamp(self, fields.Datetime.now()).strftime("%Y-%m-%d %H-%M")
        dossiers = dossiers or self.env["vip.dossier"]
        if kind == "dossier" and len(dossiers) == 1:
            base = self.env._("Dossier %(name)s", name=dossiers.name or "")
        elif kind == "dossier":
            base = self.env._("Dossiers (%(count)s)", count=len(dossiers))
        elif kind == "portfolio":
            base = self.env._("Portfolio")
        else:
            base = self.env._("Operations")
        # a file name, on any system: no path separators or reserved characters
        name = "".join("-" if char in '/\\:*?"<>|' else char for char in f"{base} {stamp}")
        return name[:150]

    @api.model
    def _start(self, vals):
        export = self.create(vals)
        job = export.with_delay(description=self.env._("VIP export: %(name)s", name=export.name))._run_job()
        export.sudo().job_uuid = job.uuid
        return export

    @api.model
    def _export_selection(self, operations, active_domain):
        """The list's selection: the whole search when every row of it is selected, else the rows ticked."""
        if active_domain is not None:
            limit = int(self.env["ir.config_parameter"].sudo().get_param("web.active_ids_limit", 20000))
            if len(operations) >= min(self.env["vip.operation"].search_count(active_domain), limit):
                return self.action_export_operations(active_domain)
        return self.action_export_operations([("id", "in", operations.ids)])

    @api.model
    def action_export_operations(self, domain):
        """Export the operations of ``domain`` in the background; the caller is notified when done."""
        self.env["vip.operation"].check_access("read")
        export = self._start(
            {
                "name": self._workbook_name("operations"),
                "kind": "operations",
                "domain": repr(domain or []),
            }
        )
        return export._action_started()

    def _action_started(self):
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "info",
                "title": self.env._("Export started"),
                "message": self.env._(
                    "The file is being prepared in the background; you will be notified when it is ready."
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def _progress_running(self):
        return self.filtered(lambda export: export.state == "queued")

    def _progress_ended(self):
        return self.filtered(lambda export: export.state in ("done", "failed"))

    def _report(self):
        if self.kind == "dossier":
            return self.env["report.vip_analytics.dossier_xlsx"].with_context(active_model="vip.dossier")
        return self.env["report.vip_analytics.operations_xlsx"]

    def _run_job(self):
        self.ensure_one()
        if self.state == "done":
            return self.env._("Already done.")
        handle, path = tempfile.mkstemp(suffix=".xlsx", prefix="vip-export-")
        os.close(handle)
        try:
            try:
                with self.env.cr.savepoint():
                    domain = ast.literal_eval(self.domain or "[]")
                    data = {"domain": domain, "progress": self._progress_callback(domain)}
                    rows = self._report()._write_workbook(path, self.dossier_ids.ids, data)
            except Exception as error:
                # whatever broke, the export says so rather than stay "in progress" for ever
                _logger.exception("VIP export %s failed", self.id)
                self.sudo().write({"state": "failed", "error": str(error), "date_done": fields.Datetime.now()})
                self._notify_done()
                return str(error)
            with open(path, "rb") as file:
                # the export's author may not write it (see the access list): the file is attached as the
                # system, and read through the export, which only its author may read
                attachment = (
                    self.env["ir.attachment"]
                    .sudo()
                    .create(
                        {
                            "name": f"{self.name}.xlsx",
                            "raw": file.read(),
                            "res_model": self._name,
                            "res_id": self.id,
                            "mimetype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        }
                    )
                )
        finally:
            os.unlink(path)
        self.sudo().write(
            {
                "state": "done",
                "attachment_id": attachment.id,
                "row_count": rows or 0,
                "date_done": fields.Datetime.now(),
            }
        )
        self._notify_done()
        return self.env._("Done.")

    def _progress_callback(self, domain):
        """Report the operations written so far: they are the bulk of any export."""
        if self.kind == "dossier":
            domain = [("dossier_id", "in", self.dossier_ids.ids)]
        Operation = self.env["vip.operation"]
        total = Operation.search_count(domain) if Operation.has_access("read") else 0
        export = self.with_context(vip_report_progress=True)
        return lambda done: export._report_progress(done, total)

    def _notify_done(self):
        if self.state == "done":
            body = self.env._("Your export %(name)s is ready (VIP Desk → Analysis → My Exports).", name=self.name)
            self._notify_author(body)
        else:
            body = self.env._("Your export %(name)s failed: %(error)s", name=self.name, error=self.error)
            self._notify_author(body, "danger")

    def action_download(self):
        self.ensure_one()
        if not self.attachment_id:
            raise UserError(self.env._("The file is not ready yet."))
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self.attachment_id.id}?download=true",
            "target": "self",
        }
