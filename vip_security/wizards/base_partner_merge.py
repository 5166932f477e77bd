# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    """Merging contacts rewrites every link to them by SQL, past every rule: merged into a company of
    one's own, a client's employer would become it (its web site, its holidays), for every manager."""

    _inherit = "base.partner.merge.automatic.wizard"

    def _merge(self, partner_ids, dst_partner=None, extra_checks=True):
        partners = self.env["res.partner"].browse(set(partner_ids) | ({dst_partner.id} if dst_partner else set()))
        partners._vip_check_unlinked_from_clients()
        return super()._merge(partner_ids, dst_partner=dst_partner, extra_checks=extra_checks)
