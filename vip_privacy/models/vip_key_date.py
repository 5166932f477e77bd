# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class VipKeyDate(models.Model):
    _name = "vip.key.date"
    _inherit = ["vip.key.date", "vip.kept.relative.guard"]
