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
    vip_sms_quiet_from = fields.Float(
        string="No SMS After", default=21.0, help="Quiet hours start, in the person's time zone."
    )
    vip_sms_quiet_to = fields.Float(
        string="No SMS Before", default=9.0, help="Quiet hours end, in the person's time zone."
    )
