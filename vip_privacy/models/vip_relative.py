# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class VipRelative(models.Model):
    _inherit = "vip.relative"

    # set by an erasure that keeps the relative for a legal ground (a relative's or the client's case):
    # the record stays only for the bank's duties
    vip_erasure_kept = fields.Boolean(
        string="Kept After Erasure", readonly=True, copy=False, groups="base.group_system"
    )

    @api.model_create_multi
    def create(self, vals_list):
        relatives = super().create(vals_list)
        self.env["vip.erasure"]._follow_consent(relatives.filtered("consent_withdrawn_date"))
        return relatives

    def write(self, vals):
        if not self.env.su:
            # who may not change these relatives learns nothing of them (round 22: the check told any employee
            # that a relative of another client had been erased)
            self.check_access("write")
            # sudo: the system's mark of these very relatives
            if self.sudo().filtered("vip_erasure_kept"):
                # rounds 21-23: a relative kept only as a tax record is not brought back by hand, nor are its
                # erased data, its consent or its contact written again
                self._vip_refuse_kept()
        res = super().write(vals)
        if "consent_withdrawn_date" in vals:
            self.env["vip.erasure"]._follow_consent(self)
        return res

    def copy(self, default=None):
        if not self.env.su:
            self.check_access("read")  # who may not read these relatives learns nothing of them
            # sudo: the system's mark of these very relatives
            if self.sudo().filtered("vip_erasure_kept"):
                self._vip_refuse_kept()  # round 22: a copy put the erased person back into the dossier
        return super().copy(default)

    @api.model
    def _vip_check_not_kept(self, relative_ids):
        """A record linked by hand to a relative an erasure kept (a key date, an interaction) would bring
        the person back into the dossier (round 23: a birthday greeting for an erased relative)."""
        # only ids: any other value (true, a text, a list) is the input checks' to refuse, with their message
        relative_ids = [rid for rid in relative_ids if isinstance(rid, int) and not isinstance(rid, bool) and rid > 0]
        if self.env.su or not relative_ids:
            return
        relatives = self.browse(relative_ids).exists()
        relatives.check_access("read")  # who may not read them learns nothing of them
        # sudo: the system's mark of these very relatives
        if relatives.sudo().filtered("vip_erasure_kept"):
            self._vip_refuse_kept()

    def _vip_refuse_kept(self):
        raise UserError(
            self.env._(
                "This relative's data was erased after a withdrawn consent; the record is kept only for "
                "the bank's legal duties and does not come back into the dossier."
            )
        )

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
