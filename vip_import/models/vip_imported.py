# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class VipImportedMixin(models.AbstractModel):
    """Rows a VIP import loads (operations, income) keep which import brought them."""

    _name = "vip.imported.mixin"
    _description = "Loaded by a VIP Import"

    import_id = fields.Many2one(
        "vip.import",
        string="Imported By",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
        copy=False,
        groups="vip_import.group_vip_import,vip_dossier.group_vip_supervisor",
    )


class VipOperation(models.Model):
    _name = "vip.operation"
    _inherit = ["vip.operation", "vip.imported.mixin"]


class VipIncome(models.Model):
    _name = "vip.income"
    _inherit = ["vip.income", "vip.imported.mixin"]
