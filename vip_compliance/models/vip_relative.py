# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import UserError


class VipRelative(models.Model):
    _name = "vip.relative"
    _inherit = ["vip.relative", "vip.public.office.mixin"]

    def _vip_gifts_received_domain(self):
        return [("relative_id", "in", self.ids)]

    def _vip_retention_grounds(self):
        """A relative who received a gift stays: the bank as tax agent keeps who received what (Tax Code
        art. 217 p. 28, art. 230), and the gift register names them (``vip.gift.relative_id`` restricts)."""
        grounds = super()._vip_retention_grounds()
        if not self.ids:
            return grounds
        # sudo: only whether gifts to these very relatives exist (the erasure asks it as the system); nothing
        # of the gifts is returned, and a manager may not read every gift of the register
        # only a gift handed over is income the bank reports; a planned or refused one is no tax record
        # (round 21: a 1 ₽ draft kept a relative through an erasure, then was deleted)
        groups = (
            self.env["vip.gift"]
            .sudo()
            ._read_group([*self._vip_gifts_received_domain(), ("state", "=", "given")], ["relative_id"])
        )
        reason = self.env._("gifts received: the bank's tax records (Tax Code art. 230)")
        for (relative,) in groups:
            grounds.setdefault(relative.id, []).append(reason)
        return grounds

    @api.ondelete(at_uninstall=False)
    def _unlink_except_gift_recipients(self):
        """A relative the gift register names is archived, not deleted: a clear word instead of the
        database's. Only the system (an erasure of a withdrawn consent) deletes one whose gifts were only
        planned (draft, to approve, approved, refused): those gifts go with them; a gift handed over is a tax
        record and keeps its recipient."""
        # sudo: the gifts to these very relatives, whose deletion the user's rights allowed
        gifts = self.env["vip.gift"].sudo().search(self._vip_gifts_received_domain())
        if gifts.filtered(lambda gift: gift.state == "given") or (gifts and not self.env.su):
            raise UserError(
                self.env._(
                    "This relative received gifts: the bank keeps them in its tax records (Tax Code art. 230). "
                    "Archive the relative instead."
                )
            )
        gifts.unlink()
