# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import UserError


class VipRelative(models.Model):
    _inherit = "vip.relative"

    @api.model_create_multi
    def create(self, vals_list):
        relatives = super().create(vals_list)
        self.env["vip.erasure"]._follow_consent(relatives.filtered("consent_withdrawn_date"))
        return relatives

    def write(self, vals):
        if vals.get("active") and not self.env.su:
            # sudo: whether these very relatives were erased and kept for a legal ground, nothing is returned
            kept = (
                self.env["vip.erasure"]
                .sudo()
                .search_count(
                    [("relative_id", "in", self.ids), ("state", "=", "done"), ("kept_reason", "!=", False)], limit=1
                )
            )
            if kept:
                # round 21: a relative kept only as a tax record came back into the dossier by hand
                raise UserError(
                    self.env._(
                        "This relative's data was erased after a withdrawn consent; the record is kept only for "
                        "the bank's legal duties and does not come back into the dossier."
                    )
                )
        res = super().write(vals)
        if "consent_withdrawn_date" in vals:
            self.env["vip.erasure"]._follow_consent(self)
        return res

    def unlink(self):
        # a relative deleted by hand while their erasure is due: that is the erasure, recorded as such
        # sudo: the open cases of the very relatives the user is deleting (their access checked by unlink)
        self.check_access("unlink")
        due = self.env["vip.erasure"].sudo().search([("relative_id", "in", self.ids), ("state", "=", "due")])
        if due:
            due.with_env(self.env)._erase(delete_relatives=False)
        return super().unlink()

    def action_withdraw_consent(self):
        """Ask the date and the document of the relative's withdrawal."""
        self.ensure_one()
        return self.env["vip.consent.withdrawal.wizard"]._action_for(self)
