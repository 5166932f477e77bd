# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError

ESCALATION_FIELDS = frozenset({"vip_escalated_on", "vip_escalated_by_id"})


class MailActivity(models.Model):
    """A task top management has escalated, and the doors to the control wizard (comment, reassign,
    escalate). Who reads and changes which task is vip_security's (its ``mail_activity.py``)."""

    _inherit = "mail.activity"

    # written by the control wizard only, never by hand
    vip_escalated_on = fields.Datetime(string="Escalated On", readonly=True, copy=False)
    vip_escalated_by_id = fields.Many2one("res.users", string="Escalated By", readonly=True, copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        # the caller's context defaults too: core applies them after these values are checked
        defaults = dict.fromkeys(self._vip_context_default_fields())
        for vals in vals_list:
            self._vip_check_escalation_fields({**defaults, **vals})
        return super().create(vals_list)

    def write(self, vals):
        self._vip_check_escalation_fields(vals)
        return super().write(vals)

    @api.model
    def _vip_check_escalation_fields(self, vals):
        if not self.env.su and ESCALATION_FIELDS & set(vals):
            raise AccessError(self.env._("A task is escalated by top management, from the task control."))

    def _vip_open_control(self, action):
        self.ensure_one()
        return self.env["vip.task.control.wizard"]._action_open(self, action)

    def action_vip_comment(self):
        return self._vip_open_control("comment")

    def action_vip_reassign(self):
        return self._vip_open_control("reassign")

    def action_vip_escalate(self):
        return self._vip_open_control("escalate")
