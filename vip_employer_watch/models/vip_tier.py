# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class VipTier(models.Model):
    _inherit = "vip.tier"

    site_watch_days = fields.Integer(
        string="Look at Employer's Site Every (Days)",
        default=30,
        help="How often the manager looks at the employer's web site for news worth a call; 0: never.",
    )
