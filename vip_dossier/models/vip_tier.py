# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .vip_input_mixin import NAME_SIZE


class VipTier(models.Model):
    """Service tier of a VIP client (e.g. Gold, Platinum, Private)."""

    _name = "vip.tier"
    _description = "VIP Tier"
    _inherit = ["vip.input.mixin"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True, size=NAME_SIZE)
    sequence = fields.Integer(default=10)
    color = fields.Integer()
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_uniq", "unique(name)", "A tier with this name already exists."),
    ]
