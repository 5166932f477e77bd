# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

EVENTS = [
    ("open", "Opened"),
    ("handover", "Handover"),
    ("emergency", "Emergency access"),
]


class VipAccessLog(models.Model):
    """Who opened which client, when; handovers and emergency accesses.

    History: readable by supervisors and administrators, never edited or
    deleted by anyone. The dossier's name is kept so the entry outlives it.
    """

    _name = "vip.access.log"
    _description = "VIP Access Log"
    _order = "date desc, id desc"
    _log_access = False
    _rec_name = "dossier_name"

    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True, index=True)
    user_id = fields.Many2one("res.users", required=True, readonly=True, index=True, ondelete="restrict")
    dossier_id = fields.Many2one("vip.dossier", string="Client", readonly=True, index=True, ondelete="set null")
    dossier_name = fields.Char(string="Client Name", readonly=True)
    event = fields.Selection(EVENTS, required=True, default="open", readonly=True, index=True)
    note = fields.Char(readonly=True)

    @api.model
    def _log(self, dossiers, event="open", note=False, user=None):
        """Record an event on each dossier, as the system.

        sudo() is needed because nobody may create log entries by hand; only
        these fixed values are written, and the entry names the real user.
        """
        user = user or self.env.user
        return (
            self.sudo()
            .with_context(tracking_disable=True)
            .create(
                [
                    {
                        "user_id": user.id,
                        "dossier_id": dossier.id,
                        "dossier_name": dossier.sudo().name,
                        "event": event,
                        "note": note,
                    }
                    for dossier in dossiers
                ]
            )
        )

    def write(self, vals):
        if self:
            self.check_access("write")
            raise UserError(self.env._("The access log is history: its entries cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("The access log is history: its entries cannot be deleted."))
