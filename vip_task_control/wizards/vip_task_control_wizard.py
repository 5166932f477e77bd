# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_date

ACTIONS = [("comment", "Comment"), ("reassign", "Reassign"), ("escalate", "Escalate")]


class VipTaskControlWizard(models.TransientModel):
    """What top management does with a manager's task on a client: comment on it, give it to the
    client's other manager (the deputy), or escalate it. Top management reads clients and does not
    work them: it never marks a manager's task done, cancels or snoozes it.

    Every action leaves a note on the client, addressed to the client's managers, so the manager
    reads what was decided and why in the chatter and the inbox.
    """

    _name = "vip.task.control.wizard"
    _description = "VIP Task Control"

    activity_id = fields.Many2one("mail.activity", string="Task", required=True, readonly=True, ondelete="cascade")
    action = fields.Selection(ACTIONS, required=True, readonly=True, default="comment")
    dossier_id = fields.Many2one("vip.dossier", string="Client", compute="_compute_task")
    current_user_id = fields.Many2one("res.users", string="Assigned To", compute="_compute_task")
    date_deadline = fields.Date(string="Due Date", compute="_compute_task")
    allowed_user_ids = fields.Many2many("res.users", compute="_compute_task")
    user_id = fields.Many2one(
        "res.users",
        string="Give To",
        domain="[('id', 'in', allowed_user_ids)]",
        help="One of the client's managers. To give the client itself to another manager, hand it over.",
    )
    new_deadline = fields.Date(string="New Due Date", help="Empty: the task keeps its due date.")
    note = fields.Text(string="Message", help="Sent to the client's managers with the task.")

    @api.depends("activity_id")
    def _compute_task(self):
        for wizard in self:
            activity = wizard.activity_id
            dossier = wizard._dossier()
            wizard.dossier_id = dossier
            wizard.current_user_id = activity.user_id
            wizard.date_deadline = activity.date_deadline
            wizard.allowed_user_ids = dossier.member_user_ids - activity.user_id if dossier else False

    def _dossier(self):
        activity = self.activity_id
        if activity.res_model != "vip.dossier" or not activity.res_id:
            return self.env["vip.dossier"]
        return self.env["vip.dossier"].browse(activity.res_id).exists()

    @api.model
    def _check_controller(self):
        if not self.env.user.has_group("vip_dossier.group_vip_supervisor"):
            raise AccessError(self.env._("Only top management controls the managers' tasks."))

    @api.model
    def _action_open(self, activity, action):
        self._check_controller()
        activity.check_access("read")
        return {
            "type": "ir.actions.act_window",
            "name": dict(self._fields["action"]._description_selection(self.env))[action],
            "res_model": self._name,
            "view_mode": "form",
            "views": [[False, "form"]],
            "target": "new",
            "context": {"default_activity_id": activity.id, "default_action": action},
        }

    @api.model_create_multi
    def create(self, vals_list):
        self._check_controller()
        wizards = super().create(vals_list)
        for wizard in wizards:
            wizard._checked_dossier()
        return wizards

    def _checked_dossier(self):
        """The client of the task, once the user is known to read both."""
        self._check_controller()
        self.activity_id.check_access("read")
        dossier = self._dossier()
        if not dossier:
            raise UserError(self.env._("Only the tasks on VIP clients are controlled here."))
        dossier.check_access("read")
        return dossier

    def action_confirm(self):
        self.ensure_one()
        dossier = self._checked_dossier()
        activity = self.activity_id
        if self.new_deadline and self.new_deadline < fields.Date.context_today(self):
            raise UserError(self.env._("The new due date cannot be in the past."))
        note = (self.note or "").strip()
        if self.action in ("comment", "escalate") and not note:
            raise UserError(self.env._("Say what the manager should do: the comment is required."))
        values = {"date_deadline": self.new_deadline} if self.new_deadline else {}
        if self.action == "reassign":
            if not self.user_id:
                raise UserError(self.env._("Choose whom to give the task to."))
            if self.user_id not in dossier.member_user_ids:
                raise UserError(
                    self.env._(
                        "%(user)s is not a manager of this client. To give the client to another manager, "
                        "hand it over first.",
                        user=self.user_id.name,
                    )
                )
            values["user_id"] = self.user_id.id
        elif self.action == "escalate":
            values.update(vip_escalated_on=fields.Datetime.now(), vip_escalated_by_id=self.env.uid)
        lines = [self._summary_line(activity)]
        if note:
            lines.append(note)
        if self.new_deadline:
            lines.append(self.env._("New due date: %(date)s.", date=format_date(self.env, self.new_deadline)))
        recipients = dossier.member_user_ids | activity.user_id | self.user_id
        if values:
            # sudo: top management reads the client (checked above) but may not write a manager's task;
            # only the assignee, the due date and the escalation mark are written, as this wizard says
            activity.sudo().write(values)
        # posted with the user's own rights: top management comments on the clients it reads
        dossier.message_post(
            body=Markup("").join(Markup("<p>%s</p>") % escape(line) for line in lines),
            message_type="comment",
            subtype_xmlid="mail.mt_note",
            partner_ids=recipients.partner_id.ids,
        )
        return {"type": "ir.actions.act_window_close"}

    def _summary_line(self, activity):
        task = activity.summary or activity.activity_type_id.name or ""
        params = {
            "task": task,
            "user": activity.user_id.name or "",
            "date": format_date(self.env, activity.date_deadline),
            "by": self.env.user.name,
        }
        if self.action == "reassign":
            return self.env._(
                "The task «%(task)s» (due %(date)s) is given by %(by)s from %(user)s to %(new)s.",
                new=self.user_id.name,
                **params,
            )
        if self.action == "escalate":
            late = (fields.Date.context_today(self) - activity.date_deadline).days
            if late > 0:
                return self.env._(
                    "Escalated by %(by)s: the task «%(task)s» of %(user)s was due %(date)s, %(days)s days ago.",
                    days=late,
                    **params,
                )
            return self.env._("Escalated by %(by)s: the task «%(task)s» of %(user)s, due %(date)s.", **params)
        return self.env._("%(by)s on the task «%(task)s» of %(user)s, due %(date)s:", **params)
