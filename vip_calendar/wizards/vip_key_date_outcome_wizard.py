# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from ..models.vip_key_date_reminder import OUTCOMES


class VipKeyDateOutcomeWizard(models.TransientModel):
    """Mark a key-date greeting done by saying how it went, in one step.

    Completing the task records the reminder's outcome, writes one interaction
    on the dossier and closes the task; a postponement moves the task to its new
    date and records "Rescheduled". Everything is written with the user's own
    rights: only who may change the client's reminders completes its tasks.
    """

    _name = "vip.key.date.outcome.wizard"
    _description = "VIP Key-Date Outcome"

    reminder_id = fields.Many2one("vip.key.date.reminder", required=True, readonly=True, ondelete="cascade")
    summary = fields.Char(string="Task", related="reminder_id.activity_id.summary")
    occurrence_date = fields.Date(string="Date", related="reminder_id.occurrence_date")
    outcome = fields.Selection(OUTCOMES, string="How did it go?", required=True, default="done")
    note = fields.Text(help="What was said or agreed: kept on the interaction.")
    new_date = fields.Date(string="Call Again On", help="The task moves to this day.")

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        for wizard in wizards:
            wizard._checked_task()
        return wizards

    @api.model
    def _action_open(self, reminder):
        """The wizard for ``reminder``'s open task."""
        self.browse()._checked_task(reminder)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Mark Done"),
            "res_model": self._name,
            "view_mode": "form",
            "views": [[False, "form"]],
            "target": "new",
            "context": {"default_reminder_id": reminder.id},
        }

    def _checked_task(self, reminder=None):
        """The open task of the reminder, once the user is known to be allowed to complete it: the
        reminder is one of the clients the user may change (not only read), and its task is open."""
        reminder = reminder if reminder is not None else self.reminder_id
        if not reminder:
            raise UserError(self.env._("This task is not a key-date reminder."))
        reminder.check_access("write")
        activity = reminder.activity_id
        if reminder.state != "open" or reminder.done_date or not activity:
            raise UserError(self.env._("This key-date task is not open any more."))
        return activity

    def action_confirm(self):
        self.ensure_one()
        activity = self._checked_task()
        reminder = self.reminder_id
        if self.outcome == "rescheduled":
            return self._postpone(activity, reminder)
        label = dict(self._fields["outcome"]._description_selection(self.env))[self.outcome]
        note = (self.note or "").strip()
        # with the user's rights: the outcome is what a manager records, the interaction is on their client
        reminder.outcome = self.outcome
        self.env["vip.interaction"].create(
            {
                "dossier_id": reminder.dossier_id.id,
                "relative_id": reminder.key_date_id.relative_id.id,
                "channel": "congratulation",
                "subject": activity.summary or reminder.key_date_id.display_name,
                "outcome": f"{label}. {note}" if note else label,
            }
        )
        activity.action_feedback(feedback=note or label)
        return {"type": "ir.actions.act_window_close"}

    def _postpone(self, activity, reminder):
        today = fields.Date.context_today(self)
        if not self.new_date or self.new_date < today:
            raise UserError(self.env._("Give the day to call again: today or later."))
        activity.date_deadline = self.new_date
        reminder.outcome = "rescheduled"
        body = self.env._("Congratulation postponed to %(date)s.", date=format_date(self.env, self.new_date))
        if note := (self.note or "").strip():
            body = Markup("%s<br/>%s") % (body, note)
        reminder.dossier_id.message_post(body=body, subtype_xmlid="mail.mt_note")
        return {"type": "ir.actions.act_window_close"}
