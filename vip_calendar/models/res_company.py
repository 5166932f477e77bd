# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    vip_feb29_policy = fields.Selection(
        [("feb28", "28 February"), ("mar1", "1 March")],
        string="29 February in Other Years",
        default="feb28",
        required=True,
        help="When a key date falls on 29 February, the day it is celebrated in years that are not leap years.",
    )
