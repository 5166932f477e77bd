# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError


class VipGiftDecisionWizard(models.TransientModel):
    """Top management approves or refuses gifts sent for approval, with a comment."""

    _name = "vip.gift.decision.wizard"
    _description = "VIP Gift: Approve or Refuse"
    _inherit = ["vip.input.mixin"]

    gift_ids = fields.Many2many("vip.gift", string="Gifts", required=True)
    decision = fields.Selection([("approve", "Approve"), ("refuse", "Refuse")], required=True, default="approve")
    comment = fields.Text(help="Why: required to refuse.")

    def action_confirm(self):
        self.ensure_one()
        if self.decision == "refuse" and not (self.comment or "").strip():
            raise UserError(self.env._("Say why the gift is refused: the manager reads it."))
        # the gifts are checked again as the user who decides (group, rows, state)
        self.gift_ids._vip_decide(self.decision, self.comment)
        return {"type": "ir.actions.act_window_close"}
