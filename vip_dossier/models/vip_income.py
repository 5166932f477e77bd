# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError

from .vip_input_mixin import REF_SIZE, check_not_in_future


class VipIncome(models.Model):
    """What a client brought the bank over a period, per product line.

    Amounts are in the company currency, so that totals per client, manager
    and tier add up without conversion. A negative amount is a correction
    (e.g. a refunded fee) and is allowed.

    Income belongs to the manager who earned it: ``user_id`` is the client's
    manager when the line is booked and stays so when the client is handed
    over (it is not a related field that would follow the dossier).
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
    user_id = fields.Many2one(
        "res.users",
        string="Earned By",
        index=True,
        readonly=True,
        copy=False,
        help="The client's manager when this income was booked. It stays with them when the client is handed "
        "over to another manager: the client's current manager is on the client.",
    )
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
        # no date: the database refuses it, as for any required field
        check_not_in_future(
            self,
            "date",
            lambda _income, date: self._future_month_refusal(date),
            month=True,
        )

    @api.model
    def _future_month_refusal(self, date):
        """Why income cannot be booked on ``date`` (a month that has not begun): said once, for the form,
        the API and the import."""
        return self.env._("Income cannot be booked for a future month (%(date)s).", date=date)

    @api.model_create_multi
    def create(self, vals_list):
        """Who earned the income is the client's manager at the time: taken from the client, never given."""
        self._check_input(vals_list)  # the client is read from the values before the ORM sees them
        dossiers = self.env["vip.dossier"].browse({vals["dossier_id"] for vals in vals_list if vals.get("dossier_id")})
        if not self.env.su:
            # who may not book income on these clients learns nothing of them: not that they exist, nor who
            # manages them (round 23: the earner's refusal below told any employee both)
            self.check_access("create")
            dossiers.check_access("read")
        # sudo: only the manager's id of the clients the lines are booked on is read (the back office
        # loads income without reading dossiers); what the user may book on is checked by the create
        managers = {dossier.id: dossier.user_id.id for dossier in dossiers.sudo()}
        vals_list = [dict(vals) for vals in vals_list]  # the caller's values stay as given
        for vals in vals_list:
            manager = managers.get(vals.get("dossier_id")) or False
            if not self.env.su and vals.get("user_id", manager) != manager:
                raise self._earner_error()
            if "user_id" not in vals or not self.env.su:
                vals["user_id"] = manager
        return super().create(vals_list)

    def write(self, vals):
        # a new manager must not take the income of the old one (rankings): only the system rewrites it
        if "user_id" in vals and not self.env.su and any(income.user_id.id != vals["user_id"] for income in self):
            raise self._earner_error()
        return super().write(vals)

    def _earner_error(self):
        return AccessError(
            self.env._(
                "Income is earned by the client's manager at the time it is booked; it cannot be attributed "
                "to someone else by hand."
            )
        )
