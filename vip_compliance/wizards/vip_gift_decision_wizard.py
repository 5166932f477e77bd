# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

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
    seen_submissions = fields.Char(help="The gifts' sendings for approval when the decision was opened.")

    def action_confirm(self):
        self.ensure_one()
        if self.decision == "refuse" and not (self.comment or "").strip():
            raise UserError(self.env._("Say why the gift is refused: the manager reads it."))
        # round 20: the manager set the gift back to draft, changed its value and sent it again while the
        # decision was open; top management approved a value it never saw
        try:
            seen = json.loads(self.seen_submissions or "{}")
        except ValueError:
            seen = {}
        for gift in self.gift_ids:
            if seen.get(str(gift.id)) != gift.submission_count:
                raise UserError(
                    self.env._(
                        "%(gift)s was sent for approval again since you opened the decision: open it again to see "
                        "what you decide on.",
                        gift=gift.name,
                    )
                )
        # the gifts are checked again as the user who decides (group, rows, state)
        self.gift_ids._vip_decide(self.decision, self.comment)
        return {"type": "ir.actions.act_window_close"}
