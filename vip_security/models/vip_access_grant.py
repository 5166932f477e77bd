# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class VipAccessGrant(models.Model):
    """Break-glass: a time-limited right to read one client, given with a reason."""

    _name = "vip.access.grant"
    _description = "VIP Emergency Access Grant"
    _order = "date_start desc, id desc"
    _rec_name = "dossier_id"

    user_id = fields.Many2one("res.users", required=True, readonly=True, index=True, ondelete="cascade")
    dossier_id = fields.Many2one(
        "vip.dossier", string="Client", required=True, readonly=True, index=True, ondelete="cascade"
    )
    reason = fields.Text(required=True, readonly=True)
    date_start = fields.Datetime(string="From", required=True, default=fields.Datetime.now, readonly=True)
    date_end = fields.Datetime(string="Until", required=True, readonly=True)
    active = fields.Boolean(default=True, help="Cleared when the grant expires or is revoked.")

    @api.model_create_multi
    def create(self, vals_list):
        grants = super().create(vals_list)
        grants.dossier_id._vip_sync_card_readers()
        return grants

    def write(self, vals):
        result = super().write(vals)
        if "active" in vals:
            self.dossier_id._vip_sync_card_readers()
        if "active" in vals and not vals["active"]:
            # the emergency reader may have followed or been notified: nothing remains
            self.dossier_id._vip_drop_outsiders()
        return result

    def action_revoke(self):
        self.write({"active": False})

    @api.model
    def _cron_expire(self):
        expired = self.search([("date_end", "<=", fields.Datetime.now())])
        expired.write({"active": False})
        self.env["ir.cron"]._notify_progress(done=len(expired), remaining=0)
