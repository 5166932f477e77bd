# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    vip_greeting_task = fields.Boolean(
        string="Key-Date Greeting",
        compute="_compute_vip_greeting_task",
        help="A congratulation task of the key-date run: marking it done asks how it went.",
    )

    def _compute_vip_greeting_task(self):
        # sudo: reminders are system records; only whether one of them is a greeting of these very tasks is told
        reminders = (
            self.env["vip.key.date.reminder"]
            .sudo()
            .search([("activity_id", "in", self._origin.ids), ("key_date_id.type_id.is_greeting", "=", True)])
        )
        greetings = set(reminders.activity_id.ids)
        for activity in self:
            activity.vip_greeting_task = activity._origin.id in greetings

    def _action_done(self, feedback=False, attachment_ids=None):
        """A key-date task marked done is recorded on its reminder (the activity itself goes away)."""
        # sudo: reminders are system records; the manager who did the task may not write them
        reminders = self.env["vip.key.date.reminder"].sudo().search([("activity_id", "in", self.ids)])
        reminders._mark_done()
        # The run's private event marks the date on the manager's calendar; calendar would copy the task's
        # feedback into it, which a deputy completing the manager's task may not write (a private event).
        # The feedback is posted on the client with the task: the task lets go of its event (sudo: the
        # run's own tasks, about to be deleted; the event stays on the reminder).
        reminders.activity_id.filtered("calendar_event_id").calendar_event_id = False
        return super()._action_done(feedback=feedback, attachment_ids=attachment_ids)

    def action_vip_record_outcome(self):
        """Mark a key-date greeting done by saying how it went: the outcome wizard (the chatter's
        *Mark Done* opens it for these tasks)."""
        self.ensure_one()
        self.check_access("write")
        # sudo: finding the reminder of this task, which the wizard then checks the user may write
        reminder = self.env["vip.key.date.reminder"].sudo().search([("activity_id", "=", self.id)], limit=1)
        return self.env["vip.key.date.outcome.wizard"]._action_open(reminder.sudo(False))
