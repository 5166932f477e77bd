# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class VipDossier(models.Model):
    _inherit = "vip.dossier"

    request_count = fields.Integer(string="Requests", compute="_compute_request_count")

    def _compute_request_count(self):
        # with the user's rights: the count is of the requests they may read
        counts = dict(
            self.env["vip.request"]._read_group([("dossier_id", "in", self.ids)], ["dossier_id"], ["__count"])
        )
        for dossier in self:
            dossier.request_count = counts.get(dossier, 0)

    def action_open_requests(self):
        return self._action_open_lines("vip_request.vip_request_action")
