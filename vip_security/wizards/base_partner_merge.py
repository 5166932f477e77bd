# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    """Merging contacts rewrites every link to them by SQL, past every rule: merged into a company of
    one's own, a client's employer would become it (its web site, its holidays), for every manager."""

    _inherit = "base.partner.merge.automatic.wizard"

    def _merge(self, partner_ids, dst_partner=None, extra_checks=True):
        partners = self.env["res.partner"].browse(set(partner_ids) | ({dst_partner.id} if dst_partner else set()))
        partners._vip_check_unlinked_from_clients()
        return super()._merge(partner_ids, dst_partner=dst_partner, extra_checks=extra_checks)

    @api.model
    def _generate_query(self, fields, maximum_group=100):
        """The duplicates search groups the whole contact table by SQL, past every rule, and names each
        group's lowest id: a manager's two decoys with a client's e-mail or name returned the client's
        card. Clients' cards and their contacts are merged by VIP administrators only
        (``_vip_check_unlinked_from_clients``): for anyone else they are not candidates at all."""
        query = super()._generate_query(fields, maximum_group=maximum_group)
        if self.env.su or self.env.user.has_group("vip_dossier.group_vip_admin"):
            return query
        # the core query has a WHERE on the grouped columns, or none; either way, before its GROUP BY
        condition = "vip_client IS NOT TRUE"
        if " WHERE " in query:
            return query.replace(" WHERE ", f" WHERE {condition} AND ", 1)
        return query.replace(" GROUP BY ", f" WHERE {condition} GROUP BY ", 1)
