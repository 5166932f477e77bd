# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        """A key-date task marked done is recorded on its reminder (the activity itself goes away)."""
        # sudo: reminders are system records; the manager who did the task may not write them
        reminders = self.env["vip.key.date.reminder"].sudo().search([("activity_id", "in", self.ids)])
        reminders._mark_done()
        return super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
