# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class VipRelative(models.Model):
    _inherit = "vip.relative"

    sms_opt_in = fields.Boolean(string="Agrees to SMS Greetings")

    @api.model_create_multi
    def create(self, vals_list):
        relatives = super().create(vals_list)
        relatives.dossier_id._sync_key_dates()
        return relatives

    def write(self, vals):
        dossiers = self.dossier_id
        res = super().write(vals)
        if {"birth_date", "active", "dossier_id"} & set(vals):
            (dossiers | self.dossier_id)._sync_key_dates()
        return res

    def unlink(self):
        # through the ORM (not the database cascade), so that pending tasks go too
        self.env["vip.key.date"].sudo().search([("relative_id", "in", self.ids)]).unlink()
        return super().unlink()
