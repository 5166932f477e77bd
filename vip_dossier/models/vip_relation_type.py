# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class VipRelationType(models.Model):
    """How a relative is related to the client (spouse, child, parent...)."""

    _name = "vip.relation.type"
    _description = "VIP Relation Type"
    _inherit = ["vip.input.mixin"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    is_family = fields.Boolean(
        string="Close Family",
        default=True,
        help="Close family members: their key dates call for a greeting from the manager.",
    )
    active = fields.Boolean(default=True)
