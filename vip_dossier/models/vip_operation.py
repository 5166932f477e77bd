# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .vip_input_mixin import REF_SIZE


class VipOperation(models.Model):
    """One operation of the client, as the core banking system reports it."""

    _name = "vip.operation"
    _description = "VIP Client Operation"
    _inherit = ["vip.input.mixin"]
    _order = "date desc, id desc"
    _rec_name = "display_ref"

    dossier_id = fields.Many2one("vip.dossier", string="Client", required=True, ondelete="cascade", index=True)
    date = fields.Date(required=True, index=True)
    operation_type = fields.Selection(
        [
            ("deposit", "Deposit"),
            ("withdrawal", "Withdrawal"),
            ("transfer_in", "Incoming transfer"),
            ("transfer_out", "Outgoing transfer"),
            ("card", "Card payment"),
            ("fx", "Currency exchange"),
            ("investment", "Investment"),
            ("loan", "Loan"),
            ("fee", "Fee"),
            ("other", "Other"),
        ],
        string="Type",
        required=True,
    )
    direction = fields.Selection([("in", "Incoming"), ("out", "Outgoing")], required=True, default="in")
    product = fields.Char(string="Product / Account")
    amount = fields.Monetary(required=True, currency_field="currency_id")
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self.env.company.currency_id,
    )
    company_id = fields.Many2one(related="dossier_id.company_id", store=True)
    company_currency_id = fields.Many2one(related="company_id.currency_id", string="Company Currency")
    amount_company = fields.Monetary(
        string="Amount (Company Currency)",
        compute="_compute_amount_company",
        store=True,
        currency_field="company_currency_id",
    )
    channel = fields.Selection(
        [
            ("branch", "Branch"),
            ("online", "Online banking"),
            ("mobile", "Mobile app"),
            ("atm", "ATM"),
            ("phone", "Phone"),
            ("other", "Other"),
        ]
    )
    description = fields.Char()
    source = fields.Char(
        required=True,
        default="manual",
        size=REF_SIZE,
        help="The system the operation comes from; the external reference is unique per source.",
    )
    external_ref = fields.Char(string="External Reference", size=REF_SIZE, copy=False)
    display_ref = fields.Char(compute="_compute_display_ref", string="Reference")

    _sql_constraints = [
        (
            "external_ref_uniq",
            "unique(source, external_ref)",
            "An operation with this external reference already exists for this source.",
        ),
        ("amount_positive", "CHECK(amount > 0)", "An operation amount must be positive; its direction says in or out."),
    ]

    @api.depends("amount", "currency_id", "date", "company_id")
    def _compute_amount_company(self):
        for operation in self:
            company = operation.company_id or self.env.company
            if operation.currency_id and operation.currency_id != company.currency_id:
                operation.amount_company = operation.currency_id._convert(
                    operation.amount, company.currency_id, company, operation.date or fields.Date.today()
                )
            else:
                operation.amount_company = operation.amount

    @api.depends("external_ref", "operation_type", "date")
    def _compute_display_ref(self):
        types = dict(self._fields["operation_type"]._description_selection(self.env))
        for operation in self:
            operation.display_ref = (
                operation.external_ref or f"{types.get(operation.operation_type, '')} {operation.date or ''}"
            )

    @api.constrains("amount")
    def _check_amount(self):
        for operation in self:
            refusal = self._amount_refusal(operation.amount)
            if refusal:
                raise ValidationError(refusal)

    @api.model
    def _amount_refusal(self, amount):
        """Why ``amount`` is not an operation's amount, or False: the one rule, for the form, the API and
        the import. An amount is positive; the direction says whether money came in or went out. (Not a
        number at all is the input checks' to say.)"""
        if not amount <= 0:
            return False
        return self.env._(
            "The amount of an operation must be positive (got %(amount)s); "
            "use the direction to say whether money came in or went out.",
            amount=amount,
        )
