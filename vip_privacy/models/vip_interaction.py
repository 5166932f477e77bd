# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class VipInteraction(models.Model):
    """No interaction with a relative an erasure kept: the person would come back into the dossier (round 23)."""

    _inherit = "vip.interaction"

    @api.model_create_multi
    def create(self, vals_list):
        self.env["vip.relative"]._vip_check_not_kept(
            [vals["relative_id"] for vals in vals_list if vals.get("relative_id")]
        )
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("relative_id"):
            self.env["vip.relative"]._vip_check_not_kept([vals["relative_id"]])
        return super().write(vals)
