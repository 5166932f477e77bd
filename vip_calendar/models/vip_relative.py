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
        if {"birth_date", "active", "dossier_id", "relation_type_id"} & set(vals):
            (dossiers | self.dossier_id)._sync_key_dates()
        return res

    def unlink(self):
        # through the ORM (not the database cascade), so that pending tasks go too
        self.env["vip.key.date"].sudo().search([("relative_id", "in", self.ids)]).unlink()
        return super().unlink()


class VipRelationType(models.Model):
    _inherit = "vip.relation.type"

    def write(self, vals):
        res = super().write(vals)
        if "is_family" in vals:
            # the bank's policy: who counts as close family changes the reminders of every client at once
            # sudo: key dates are derived data kept by the system, whoever may edit the relation types
            relatives = self.env["vip.relative"].sudo().with_context(active_test=False)
            self.env["vip.dossier"]._sync_key_dates_in_batches(
                relatives.search([("relation_type_id", "in", self.ids)]).dossier_id.ids
            )
        return res
