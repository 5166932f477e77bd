# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.osv import expression

# VIP models with a chatter, hence followers
VIP_THREAD_MODELS = ("vip.dossier",)


class MailFollowers(models.Model):
    """Followers of a VIP client are visible only to who can read the client.

    Core lets every internal user read every follower row; for VIP documents
    that would tell who the clients are and who manages them.
    """

    _inherit = "mail.followers"

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not self.env.su:
            domain = expression.AND([domain, self._vip_readable_domain()])
        return super()._search(domain, offset=offset, limit=limit, order=order)

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if self.env.su or not self:
            return result
        forbidden = self.browse(self.ids) - self.browse(self.ids)._filtered_vip_readable()
        if not forbidden:
            return result
        if result:
            forbidden |= result[0]
        return forbidden, lambda: self.env["ir.rule"]._make_access_error(operation, forbidden)

    @api.model
    def _vip_readable_domain(self):
        """Followers of non-VIP documents, or of VIP documents the user can read (as a subquery)."""
        domain = [("res_model", "not in", VIP_THREAD_MODELS)]
        for model in VIP_THREAD_MODELS:
            readable = self.env[model]._search([]) if self.env[model].has_access("read") else []
            domain = expression.OR([domain, [("res_model", "=", model), ("res_id", "in", readable)]])
        return domain

    def _filtered_vip_readable(self):
        # sudo: reading res_model/res_id of rows the caller is being checked for
        rows = self.sudo()
        keep = rows.filtered(lambda f: f.res_model not in VIP_THREAD_MODELS)
        for model in VIP_THREAD_MODELS:
            mine = rows.filtered(lambda f, m=model: f.res_model == m)
            if mine and self.env[model].has_access("read"):
                readable = self.env[model].browse(mine.mapped("res_id"))._filtered_access("read")
                keep |= mine.filtered(lambda f, ids=set(readable.ids): f.res_id in ids)
        return self.browse(keep.ids)
