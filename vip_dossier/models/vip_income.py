# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .vip_input_mixin import REF_SIZE


class VipIncome(models.Model):
    """What a client brought the bank over a period, per product line.

    Amounts are in the company currency, so that totals per client, manager
    and tier add up without conversion. A negative amount is a correction
    (e.g. a refunded fee) and is allowed.
    """

    _name = "vip.income"
    _description = "VIP Client Income"
    _inherit = ["vip.input.mixin"]
    _order = "date desc, id desc"

    dossier_id = fields.Many2one("vip.dossier", string="Client", required=True, ondelete="cascade", index=True)
    date = fields.Date(string="Period", required=True, index=True, help="The month the income was earned in.")
    product_line = fields.Selection(
        [
            ("fees", "Fees and commissions"),
            ("interest", "Interest margin"),
            ("fx", "Currency exchange"),
            ("other", "Other"),
        ],
        required=True,
    )
    amount = fields.Monetary(required=True, currency_field="currency_id")
    company_id = fields.Many2one(related="dossier_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one(related="dossier_id.user_id", store=True, string="Manager", index=True)
    tier_id = fields.Many2one(related="dossier_id.tier_id", store=True)
    description = fields.Char()
    source = fields.Char(required=True, default="manual", size=REF_SIZE)
    external_ref = fields.Char(string="External Reference", size=REF_SIZE, copy=False)

    _sql_constraints = [
        (
            "external_ref_uniq",
            "unique(source, external_ref)",
            "An income line with this external reference already exists for this source.",
        ),
    ]

    @api.depends("dossier_id", "date", "product_line")
    def _compute_display_name(self):
        lines = dict(self._fields["product_line"]._description_selection(self.env))
        for income in self:
            income.display_name = (
                f"{income.dossier_id.name or ''} {income.date or ''} {lines.get(income.product_line, '')}"
            )

    @api.constrains("date")
    def _check_date(self):
        today = fields.Date.context_today(self)
        for income in self:
            if (income.date.year, income.date.month) > (today.year, today.month):
                raise ValidationError(
                    self.env._("Income cannot be booked for a future month (%(date)s).", date=income.date)
                )
