# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .vip_gift import PLANNED_STATES


class VipGiftBudget(models.Model):
    """What the bank means to spend on gifts to the clients of a tier in a calendar year."""

    _name = "vip.gift.budget"
    _description = "VIP Gift Budget"
    _inherit = ["vip.input.mixin"]
    _order = "year desc, tier_id"
    _rec_names_search = ["tier_id.name"]

    tier_id = fields.Many2one("vip.tier", required=True, ondelete="restrict")
    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year, aggregator=False)
    amount = fields.Monetary(string="Budget", required=True, currency_field="currency_id")
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id", string="Currency")
    spent = fields.Monetary(compute="_compute_spent", help="Gifts of the tier given in the year.")
    committed = fields.Monetary(
        compute="_compute_spent", help="Gifts of the tier in the year that are planned, approved or given."
    )
    remaining = fields.Monetary(compute="_compute_spent", help="The budget less what is committed.")
    gift_count = fields.Integer(string="Gifts", compute="_compute_spent")

    _sql_constraints = [
        ("tier_year_uniq", "unique(company_id, tier_id, year)", "A tier has one gift budget a year."),
    ]

    @api.depends("tier_id", "year", "amount")
    def _compute_spent(self):
        domain = [("tier_id", "in", self.tier_id.ids), ("year", "in", self.mapped("year"))]
        # the budget's figures are totals of the tier: read by whoever reads the budget (top management),
        # under its own rules
        Gift = self.env["vip.gift"]
        given = {
            (c.id, t.id, y): (total, count)
            for c, t, y, total, count in Gift._read_group(
                [*domain, ("state", "=", "given")], ["company_id", "tier_id", "year"], ["amount:sum", "__count"]
            )
        }
        committed = {
            (c.id, t.id, y): (total, count)
            for c, t, y, total, count in Gift._read_group(
                [*domain, ("state", "in", PLANNED_STATES)],
                ["company_id", "tier_id", "year"],
                ["amount:sum", "__count"],
            )
        }
        for budget in self:
            key = (budget.company_id.id, budget.tier_id.id, budget.year)
            budget.spent = given.get(key, (0.0, 0))[0]
            budget.committed, budget.gift_count = committed.get(key, (0.0, 0))
            budget.remaining = budget.amount - budget.committed

    @api.depends("tier_id", "year")
    def _compute_display_name(self):
        for budget in self:
            budget.display_name = f"{budget.tier_id.name or ''} {budget.year or ''}".strip()

    @api.constrains("amount", "year")
    def _check_budget(self):
        for budget in self:
            if budget.amount < 0:
                raise ValidationError(
                    self.env._("A gift budget cannot be negative (got %(amount)s).", amount=budget.amount)
                )
            if not 2000 <= budget.year <= 2100:
                raise ValidationError(self.env._("%(year)s is not a budget year.", year=budget.year))
