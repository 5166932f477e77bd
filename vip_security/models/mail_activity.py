# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

# VIP models with a chatter, hence tasks
VIP_THREAD_MODELS = ("vip.dossier",)


class MailActivity(models.Model):
    """Tasks on VIP clients: readers may read them, only writers may change them.

    vip.dossier lowers ``_mail_post_access`` to read so that supervisors see
    every manager's tasks (core asks for the right to post, by default write,
    even to read an activity). Changing or deleting someone else's task on a
    client still needs write access to that client.
    """

    _inherit = "mail.activity"

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if operation not in ("write", "unlink") or self.env.su or not self:
            return result
        forbidden = result[0] if result else self.browse()
        # sudo: reading the document reference of activities being checked
        candidates = (
            (self - forbidden)
            .sudo()
            .filtered(
                lambda a: a.res_model in VIP_THREAD_MODELS and self.env.uid not in (a.user_id.id, a.create_uid.id)
            )
        )
        denied = self.browse()
        for model, activities in candidates.grouped("res_model").items():
            writable = set(self.env[model].browse(activities.mapped("res_id"))._filtered_access("write").ids)
            denied |= self.browse(activities.filtered(lambda a, ids=writable: a.res_id not in ids).ids)
        if not denied:
            return result
        forbidden |= denied
        return forbidden, lambda: forbidden._make_access_error(operation)

    def _action_done(self, feedback=False, attachment_ids=None):
        # core posts the feedback and its files as the system: a file on a client needs write on it
        if attachment_ids and not self.env.su:
            # who may not change these tasks learns nothing of their documents (round 23)
            self.check_access("write")
            for model, activities in self.sudo().grouped("res_model").items():
                if model in VIP_THREAD_MODELS:
                    self.env[model].browse(activities.mapped("res_id")).check_access("write")
        return super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
