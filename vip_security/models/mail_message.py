# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from .base import linked_ids


class MailMessage(models.Model):
    """A message's name is its document's: a VIP client's name, for a message on a client.

    Other users' rows that link to a message (notifications, tracked values, a
    letter) show that name through the link, which Odoo reads as the system.
    For who may not read the client, a message on it is only "Message".
    """

    _inherit = "mail.message"

    @api.depends_context("uid")
    def _compute_display_name(self):
        result = super()._compute_display_name()
        # the user's own rights, also when the name is read as the system (a many2one's value)
        as_user = self.with_env(self.env(su=False)).browse(id_ for id_ in self._ids if isinstance(id_, int))
        hidden = as_user._vip_unreadable_ids()
        for message in self:
            if message.id in hidden:
                message.display_name = self.env._("Message")
        return result

    def _vip_unreadable_ids(self):
        """The ids of the messages of ``self`` on a VIP record, a client's card or a client's event that
        the current user may not read."""
        return {
            message_id
            for message_id, targets in self._vip_pointer_targets().items()
            if any(self._vip_forbidden_targets(model, ids, "read") for model, ids in targets.items())
        }

    def write(self, vals):
        # An author may edit their own message; adding recipients or files to it is posting them: the
        # checks of a post, on the message's document (a client, a client's event, any card notified).
        if not self.env.su and {"partner_ids", "attachment_ids"} & set(vals):
            # who may not change these messages learns nothing of their documents (round 23)
            self.check_access("write")
            partner_ids, _nested = linked_ids("many2many", vals.get("partner_ids") or [])
            attachment_ids, new_files = linked_ids("many2many", vals.get("attachment_ids") or [])
            # sudo: the document of each message, checked with the user's rights
            for message in self.sudo():
                if message.model in self.env and message.res_id and hasattr(self.env[message.model], "message_post"):
                    document = self.env[message.model].browse(message.res_id)
                    document._vip_check_contribution(partner_ids, attachment_ids or new_files)
        return super().write(vals)
