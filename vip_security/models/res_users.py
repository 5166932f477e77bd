# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import UserError


class ResUsers(models.Model):
    _inherit = "res.users"

    def write(self, vals):
        if "active" in vals and not vals["active"]:
            self._check_no_vip_clients()
        result = super().write(vals)
        if {"active", "groups_id"} & set(vals) or any(key.startswith("in_group_") for key in vals):
            self._vip_drop_lost_clients()
        return result

    def _vip_drop_lost_clients(self):
        """A user who lost a VIP group stops following the clients they may no longer read."""
        # sudo: the followed clients of other users, cleaned by the system
        followed = (
            self.env["mail.followers"]
            .sudo()
            .search([("res_model", "=", "vip.dossier"), ("partner_id", "in", self.partner_id.ids)])
        )
        self.env["vip.dossier"].browse(followed.mapped("res_id"))._vip_drop_outsiders()

    def _check_no_vip_clients(self):
        """An archived manager cannot keep clients: they would be left unattended."""
        # sudo: whoever archives a user must learn about their clients, even
        # without VIP rights; only counts are read, nothing is returned.
        Dossier = self.env["vip.dossier"].sudo()
        for user in self:
            count = Dossier.search_count(["|", ("user_id", "=", user.id), ("deputy_id", "=", user.id)])
            if count:
                raise UserError(
                    self.env._(
                        "%(user)s is still the manager or deputy of %(count)s VIP clients. Hand them over "
                        "to another manager first: VIP Desk → Configuration → Handover.",
                        user=user.name,
                        count=count,
                    )
                )
