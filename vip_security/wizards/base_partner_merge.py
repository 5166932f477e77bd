# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import AccessError

from ..models.base import is_vip_model

ADMIN_GROUP = "vip_dossier.group_vip_admin"


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    """Merging contacts rewrites every link to them by SQL, past every rule: merged into a company of
    one's own, a client's employer would become it (its web site, its holidays), for every manager."""

    _inherit = "base.partner.merge.automatic.wizard"

    def _merge(self, partner_ids, dst_partner=None, extra_checks=True):
        if not self.env.su and not self.env.user.has_group(ADMIN_GROUP):
            partners = set(partner_ids) | ({dst_partner.id} if dst_partner else set())
            if self._vip_linked_to_clients(partners):
                raise AccessError(
                    self.env._(
                        "These contacts are linked to VIP clients (a client's card, an employer...): only a VIP "
                        "administrator merges them."
                    )
                )
        return super()._merge(partner_ids, dst_partner=dst_partner, extra_checks=extra_checks)

    def _vip_linked_to_clients(self, partner_ids):
        """Whether a VIP record links to one of ``partner_ids`` (every many2one of every VIP model onto a
        contact: a client's card, an employer, a trusted person's contact)."""
        for name in self.env.registry:
            Model = self.env[name]
            if not is_vip_model(name) or Model._abstract or not Model._auto:
                continue
            linking = [
                fname
                for fname, field in Model._fields.items()
                if field.type == "many2one" and field.comodel_name == "res.partner" and field.store
            ]
            for fname in linking:
                # sudo: whether any client's record links there, nothing of it is returned
                if (
                    Model.sudo()
                    .with_context(active_test=False)
                    .search_count([(fname, "in", list(partner_ids))], limit=1)
                ):
                    return True
        return False
