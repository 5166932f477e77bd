# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class VipKeptRelativeGuard(models.AbstractModel):
    """Nothing new is linked by hand to a relative an erasure kept (a key date would greet the person again,
    an interaction bring them back into the dossier; round 23). Models with a ``relative_id`` inherit it."""

    _name = "vip.kept.relative.guard"
    _description = "VIP: No Link to a Relative Kept After Erasure"

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
