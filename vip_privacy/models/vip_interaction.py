# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class VipInteraction(models.Model):
    _name = "vip.interaction"
    _inherit = ["vip.interaction", "vip.kept.relative.guard"]
