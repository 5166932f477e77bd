# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def write(self, vals):
        res = super().write(vals)
        if "founding_date" in vals:
            # sudo: the company's card is edited by anyone; its clients' anniversary dates must follow (its
            # industry only suggests professional holidays: the manager confirms them on the dossier)
            dossiers = self.env["vip.dossier"].sudo().search([("employer_id", "in", self.ids)])
            dossiers._sync_key_dates()
        return res
