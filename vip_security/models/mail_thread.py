# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError


class MailThread(models.AbstractModel):
    """A VIP client's contact card is not a recipient for who may not read it.

    Following a record or being notified on it sends the client e-mails and
    shows their name, e-mail and phone to whoever reads the followers or the
    notifications: on any document (an employee's own event), only who may
    read the client's card may subscribe or notify it.
    """

    _inherit = "mail.thread"

    @api.model
    def message_process(
        self, model, message, custom_values=None, save_original=False, strip_attachments=False, thread_id=None
    ):
        """Incoming mail is the mail gateway's: core creates and updates the routed record as the system,
        with the values the caller gives (``custom_values``). Called by any user over JSON-RPC, that wrote
        another client's lines, contact card and manager as the system. The gateway runs as the system
        (the fetchmail cron) or as an administrator (``odoo-mailgate``), nobody else."""
        if not self.env.su and not self.env.user._is_system():
            raise AccessError(self.env._("Incoming e-mail is processed by the mail gateway only."))
        return super().message_process(
            model,
            message,
            custom_values=custom_values,
            save_original=save_original,
            strip_attachments=strip_attachments,
            thread_id=thread_id,
        )

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        if partner_ids and not self.env.su:
            self._vip_raise_if_forbidden({"res.partner": set(partner_ids)}, "read")
        return super().message_subscribe(partner_ids=partner_ids, subtype_ids=subtype_ids)

    def message_post(self, **kwargs):
        self._vip_check_contribution(
            kwargs.get("partner_ids"), kwargs.get("attachment_ids") or kwargs.get("attachments")
        )
        self._vip_check_post_values(kwargs)
        return super().message_post(**kwargs)

    def _vip_check_post_values(self, values):
        """Core lets the caller of ``message_post`` say who wrote it, when, and what changed (a tracking
        line, created as the system): on a client, a read-only supervisor wrote a back-dated message under
        a manager's name and a false change of the client's phone. On a client, its event or its card, a
        user posts as themselves, now, and changes nothing by a message."""
        if self.env.su or not self._vip_is_client_document():
            return
        own = self.env.user.partner_id.id
        forged = [key for key in ("author_guest_id", "tracking_value_ids", "date", "email_from") if values.get(key)]
        if values.get("author_id") and values["author_id"] != own:
            forged.append("author_id")
        if forged:
            raise AccessError(
                self.env._(
                    "On a VIP client, a message is posted by its author, now, as written: %(fields)s.",
                    fields=", ".join(forged),
                )
            )

    def _vip_is_client_document(self):
        """Whether ``self`` holds a client's document: a VIP record with a chatter, a client's event, a
        client's card."""
        if hasattr(self, "_vip_check_post") or self._vip_is_relay():
            return True
        # sudo: whether the contacts posted on are clients' cards, nothing is returned
        return self._name == "res.partner" and any(self.sudo().with_context(prefetch_fields=False).mapped("vip_client"))

    def _message_update_content(self, message, body, attachment_ids=None, partner_ids=None, strict=True, **kwargs):
        # the edit route writes as the system: the same checks as a new post, with the editor's rights
        self._vip_check_contribution(partner_ids, attachment_ids)
        return super()._message_update_content(
            message, body, attachment_ids=attachment_ids, partner_ids=partner_ids, strict=strict, **kwargs
        )

    def _vip_check_contribution(self, partner_ids=None, attachments=None):
        """What the current user may post here, wherever the post comes from (routes post as the system).

        On any document a client's card is notified only by who may read it; on
        a client, or on a client's event, the client's own rules decide who may
        post, notify whom and add files (``vip.dossier._vip_check_post``).
        """
        if self.env.su:
            return
        if partner_ids:
            self._vip_raise_if_forbidden({"res.partner": set(partner_ids)}, "read")
        if hasattr(self, "_vip_check_post"):
            self._vip_check_post(partner_ids, attachments)
        elif self._vip_is_relay():
            for targets in self._vip_pointer_targets().values():
                for model, ids in targets.items():
                    documents = self.env[model].browse(ids)
                    if hasattr(documents, "_vip_check_post"):
                        documents._vip_check_post(partner_ids, attachments)
