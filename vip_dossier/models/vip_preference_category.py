# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class VipPreferenceCategory(models.Model):
    """Kind of preference: gifts, hobbies, food, sport, culture, communication..."""

    _name = "vip.preference.category"
    _description = "VIP Preference Category"
    _inherit = ["vip.input.mixin"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    is_gift_idea = fields.Boolean(
        string="Gift Ideas",
        help="Preferences of this category are suggested when preparing a greeting or a gift.",
    )
    active = fields.Boolean(default=True)
