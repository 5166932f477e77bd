# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError


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
