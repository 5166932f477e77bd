# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.vip_dossier.models.vip_input_mixin import AMOUNT_LIMIT


class ResCompany(models.Model):
    _inherit = "res.company"

    vip_gift_civil_servant_limit = fields.Monetary(
        string="Gift Limit for Civil Servants",
        currency_field="currency_id",
        default=3000.0,
        help="Civil Code art. 575: a state or municipal employee may receive only ordinary gifts up to this value. "
        "A gift above it is given only once top management approved it.",
    )
    vip_gift_tax_free_limit = fields.Monetary(
        string="Tax-Free Gifts per Person and Year",
        currency_field="currency_id",
        default=4000.0,
        help="Tax Code art. 217 p. 28: gifts from the bank to one person above this total in a calendar year are "
        "taxable income that the bank, as tax agent, reports.",
    )

    @api.constrains("vip_gift_civil_servant_limit", "vip_gift_tax_free_limit")
    def _check_vip_gift_limits(self):
        for company in self:
            for limit in (company.vip_gift_civil_servant_limit, company.vip_gift_tax_free_limit):
                if not 0 <= limit < AMOUNT_LIMIT:
                    raise ValidationError(
                        self.env._("A gift limit is an amount from zero up (got %(amount)s).", amount=limit)
                    )
