# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .vip_dossier import MONEY_GROUPS


class VipOperation(models.Model):
    _inherit = "vip.operation"

    amount = fields.Monetary(groups=MONEY_GROUPS)
    amount_company = fields.Monetary(groups=MONEY_GROUPS)
