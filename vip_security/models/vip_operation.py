# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .vip_dossier import MONEY_GROUPS


class VipOperation(models.Model):
    _name = "vip.operation"
    _inherit = ["vip.operation", "vip.imported.line.mixin"]

    amount = fields.Monetary(groups=MONEY_GROUPS)
    amount_company = fields.Monetary(groups=MONEY_GROUPS)
