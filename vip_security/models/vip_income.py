# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .vip_dossier import MONEY_GROUPS


class VipIncome(models.Model):
    _name = "vip.income"
    _inherit = ["vip.income", "vip.imported.line.mixin"]

    amount = fields.Monetary(groups=MONEY_GROUPS)
