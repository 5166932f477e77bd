# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError

# what a caller's ``email_values`` may not set: the mail is created as the system, and these move it
# (and its message) onto another document, onto an existing message, or under another author
MESSAGE_KEYS = frozenset(
    {"mail_message_id", "model", "res_id", "author_id", "parent_id", "message_type", "subtype_id", "record_name"}
)


class MailTemplate(models.Model):
    """Templates that the system renders for one user, with that user's data.

    A morning digest rendered on ``res.users,<manager>`` lists that manager's
    clients; previewed or sent by anyone else it would show them to the wrong
    person. Such templates are flagged and render only as the system; only
    the system and the settings administrators change them (a template editor
    who adds an address in copy would receive every manager's digest).
    """

    _inherit = "mail.template"

    vip_system_only = fields.Boolean(
        string="Rendered by the System Only",
        help="The template shows a user's VIP data: only scheduled actions render it, never a preview or a composer.",
    )

    def _render_field(self, field, res_ids, *args, **kwargs):
        if not self.env.su and any(template.sudo().vip_system_only for template in self):
            raise AccessError(
                self.env._(
                    "%(template)s is written by the system for each user; it cannot be rendered on request.",
                    template=self.display_name,
                )
            )
        return super()._render_field(field, res_ids, *args, **kwargs)

    def send_mail_batch(
        self, res_ids, force_send=False, raise_exception=False, email_values=None, email_layout_xmlid=False
    ):
        """Core creates the mails as the system and lets the caller's ``email_values`` override what the
        template made: any employee filed a mail on another client, moved a client's message (its
        tracked phone and e-mail) onto a contact of their own, or wrote under a manager's name. From a
        user, ``email_values`` address and word the mail; files and recipients are checked as links."""
        if email_values and not self.env.su:
            self._vip_check_email_values(email_values)
        return super().send_mail_batch(
            res_ids,
            force_send=force_send,
            raise_exception=raise_exception,
            email_values=email_values,
            email_layout_xmlid=email_layout_xmlid,
        )

    def _vip_check_email_values(self, email_values):
        if not isinstance(email_values, dict) or MESSAGE_KEYS & set(email_values):
            raise AccessError(
                self.env._("A mail sent from a template stays on the record it was made for, under its author.")
            )
        # the files and recipients a caller adds: only what the caller may read
        self.env["mail.mail"]._vip_check_linked_values(
            {
                key: email_values[key]
                for key in ("attachment_ids", "recipient_ids", "partner_ids")
                if key in email_values
            }
        )

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("vip_system_only") for vals in vals_list):
            self._vip_check_system_template_editor()
        return super().create(vals_list)

    def write(self, vals):
        if "vip_system_only" in vals or any(template.sudo().vip_system_only for template in self):
            self._vip_check_system_template_editor()
        return super().write(vals)

    def unlink(self):
        if any(template.sudo().vip_system_only for template in self):
            self._vip_check_system_template_editor()
        return super().unlink()

    def _vip_check_system_template_editor(self):
        if not (self.env.su or self.env.user._is_system()):
            raise AccessError(
                self.env._(
                    "The templates of the VIP digests are the system's: only an administrator of the settings"
                    " may change them."
                )
            )
