# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models

MANAGER_GROUP = "vip_dossier.group_vip_manager"


class ResUsers(models.Model):
    _inherit = "res.users"

    vip_absent = fields.Boolean(
        string="Absent (VIP Desk)",
        help="While set, key-date reminders for this manager's clients go to the deputy.",
    )

    @property
    def SELF_WRITEABLE_FIELDS(self):
        return [*super().SELF_WRITEABLE_FIELDS, "vip_absent"]

    @property
    def SELF_READABLE_FIELDS(self):
        return [*super().SELF_READABLE_FIELDS, "vip_absent"]

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users._vip_set_home()
        return users

    def write(self, vals):
        result = super().write(vals)
        if any(key == "groups_id" or key.startswith(("in_group_", "sel_groups_")) for key in vals):
            self._vip_set_home()
        return result

    def _vip_set_home(self):
        """A VIP manager without a home action lands on *My Day*, not in Discuss. A home action chosen
        for the user (or by them) is kept."""
        homeless = self.filtered(lambda user: not user.action_id and not user.share)
        if not homeless:
            return
        home = self.env.ref("vip_calendar.vip_my_day_action", raise_if_not_found=False)
        managers = homeless.filtered(lambda user: user.has_group(MANAGER_GROUP))
        if home and managers:
            # sudo: the home action of users just made VIP managers, set by whoever may set their groups
            managers.sudo().action_id = home.id

    def _vip_local_now(self):
        """Now, where this user is (mail templates call it for their subject)."""
        # no time zone set: UTC, as the run's selection assumes, not whoever happens to be asking
        return fields.Datetime.context_timestamp(self.with_context(tz=self.tz or "UTC"), fields.Datetime.now())
