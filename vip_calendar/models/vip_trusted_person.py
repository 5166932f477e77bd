# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class VipTrustedPerson(models.Model):
    _inherit = "vip.trusted.person"

    @api.model_create_multi
    def create(self, vals_list):
        persons = super().create(vals_list)
        persons.dossier_id._sync_key_dates()
        return persons

    def write(self, vals):
        res = super().write(vals)
        if {"valid_to", "dossier_id"} & set(vals):
            self.dossier_id._sync_key_dates()
        return res

    def unlink(self):
        self.env["vip.key.date"].sudo().search([("trusted_person_id", "in", self.ids)]).unlink()
        return super().unlink()
