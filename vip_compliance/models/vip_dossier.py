# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class VipDossier(models.Model):
    _name = "vip.dossier"
    _inherit = ["vip.dossier", "vip.public.office.mixin"]

    # a change of the client's public office stays in the dossier's history
    pep_kind = fields.Selection(tracking=True)
    is_civil_servant = fields.Boolean(tracking=True)
    public_position = fields.Char(tracking=True)
    public_office_checked_date = fields.Date(tracking=True)
    gift_ids = fields.One2many("vip.gift", "dossier_id", string="Gifts")
    gift_count = fields.Integer(compute="_compute_gift_count", string="Gifts Registered")

    @api.depends("gift_ids")
    def _compute_gift_count(self):
        counts = dict(self.env["vip.gift"]._read_group([("dossier_id", "in", self.ids)], ["dossier_id"], ["__count"]))
        for dossier in self:
            dossier.gift_count = counts.get(dossier._origin, 0)

    def _vip_gifts_received_domain(self):
        return [("dossier_id", "in", self.ids), ("relative_id", "=", False)]

    def action_open_gifts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("vip_compliance.vip_gift_action")
        action["domain"] = [("dossier_id", "=", self.id)]
        action["context"] = {"default_dossier_id": self.id}
        return action
