# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.vip_dossier.models.vip_input_mixin import NAME_SIZE

from .vip_public_office_mixin import PEP_KINDS

STATES = [
    ("draft", "Draft"),
    ("to_approve", "To Approve"),
    ("approved", "Approved"),
    ("given", "Given"),
    ("refused", "Refused"),
]
# the gift's way through approval: set by the buttons only, never by hand
WORKFLOW_FIELDS = frozenset({"state", "approver_id", "approval_date", "approval_comment", "submission_count"})
# what the gift derives from its recipient and client: computed only (the ORM would store a value written
# over RPC, and a manager unmarking "approval required" would give a civil servant any gift)
DERIVED_FIELDS = frozenset(
    {"recipient_name", "year", "tier_id", "recipient_pep_kind", "recipient_civil_servant", "approval_required"}
)
# what an approval or the tax report is about: fixed once the gift left the draft
FACT_FIELDS = frozenset({"dossier_id", "relative_id", "name", "amount", "date"})
# gifts that are or will be the recipient's income: all but the refused
PLANNED_STATES = ("draft", "to_approve", "approved", "given")


class VipGift(models.Model):
    """A gift of the bank to a client or to one of the client's relatives.

    Russian law puts three limits on it, checked and explained when the gift is entered:
    a gift to a state or municipal employee above the company's limit (Civil Code art. 575) is
    given only once top management approved it; gifts to one person above the tax-free total
    of a calendar year (Tax Code art. 217 p. 28) are income the bank reports as tax agent; and
    the bank's budget per tier and year.
    """

    _name = "vip.gift"
    _description = "VIP Gift"
    _inherit = ["vip.input.mixin", "vip.relative.line.mixin", "vip.access.logged.mixin"]
    _order = "date desc, id desc"

    dossier_id = fields.Many2one("vip.dossier", string="Client", required=True, ondelete="cascade", index=True)
    relative_id = fields.Many2one(
        "vip.relative",
        # a gift is a tax record: the relative it went to is archived, not deleted
        ondelete="restrict",
        index="btree_not_null",
        domain="[('dossier_id', '=', dossier_id)]",
        help="The relative who receives the gift; empty when it goes to the client.",
    )
    recipient_name = fields.Char(string="Recipient", compute="_compute_recipient_name", store=True)
    name = fields.Char(string="Gift", required=True, size=NAME_SIZE)
    amount = fields.Monetary(string="Value", required=True, currency_field="currency_id")
    company_id = fields.Many2one(related="dossier_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id", string="Currency")
    date = fields.Date(
        required=True,
        index=True,
        default=fields.Date.context_today,
        help="The day the gift is (or is to be) given.",
    )
    year = fields.Integer(compute="_compute_year", store=True, index=True, aggregator=False)
    state = fields.Selection(STATES, required=True, default="draft", readonly=True, index=True, copy=False)
    occasion = fields.Char(size=NAME_SIZE)
    key_date_id = fields.Many2one(
        "vip.key.date",
        ondelete="set null",
        domain="[('dossier_id', '=', dossier_id)]",
        help="The client's key date the gift is for, if any.",
    )
    user_id = fields.Many2one(
        "res.users", string="Given By", default=lambda self: self.env.user, required=True, ondelete="restrict"
    )
    tier_id = fields.Many2one(
        "vip.tier",
        compute="_compute_tier_id",
        store=True,
        index=True,
        help="The client's tier when the gift was registered: the budget it is spent from.",
    )
    note = fields.Text()
    recipient_pep_kind = fields.Selection(
        PEP_KINDS, string="Recipient Is a PEP", compute="_compute_recipient_office", store=True
    )
    recipient_civil_servant = fields.Boolean(
        string="Recipient Is a Civil Servant", compute="_compute_recipient_office", store=True
    )
    civil_servant_limit = fields.Monetary(related="company_id.vip_gift_civil_servant_limit")
    approval_required = fields.Boolean(
        compute="_compute_approval_required",
        store=True,
        help="A gift to a civil servant above the company's limit (Civil Code art. 575) is given only once top "
        "management approved it.",
    )
    approver_id = fields.Many2one("res.users", string="Decided By", readonly=True, copy=False, ondelete="restrict")
    approval_date = fields.Datetime(string="Decided On", readonly=True, copy=False)
    approval_comment = fields.Text(string="Decision Comment", readonly=True, copy=False)
    submission_count = fields.Integer(
        readonly=True,
        copy=False,
        help="How many times the gift was sent for approval: top management decides on the gift as it was sent.",
    )
    tax_free_limit = fields.Monetary(related="company_id.vip_gift_tax_free_limit")
    year_total = fields.Monetary(
        string="Recipient's Gifts in the Year",
        compute="_compute_year_total",
        help="Gifts to the same person in the same calendar year that are planned, approved or given, this one "
        "included.",
    )
    year_taxable = fields.Boolean(
        string="Taxable Recipient",
        compute="_compute_year_total",
        search="_search_year_taxable",
        help="The person's gifts in the year are above the tax-free total (Tax Code art. 217 p. 28).",
    )
    year_excess = fields.Monetary(string="Taxable Excess", compute="_compute_year_total")
    budget_amount = fields.Monetary(string="Tier Budget", compute="_compute_budget")
    budget_committed = fields.Monetary(string="Committed From the Budget", compute="_compute_budget")
    budget_exceeded = fields.Boolean(compute="_compute_budget")

    _sql_constraints = [
        ("amount_positive", "CHECK(amount > 0)", "The value of a gift must be positive."),
    ]

    @api.depends("dossier_id.name", "relative_id.name")
    def _compute_recipient_name(self):
        for gift in self:
            gift.recipient_name = (gift.relative_id or gift.dossier_id).name

    @api.depends("date")
    def _compute_year(self):
        for gift in self:
            gift.year = gift.date.year if gift.date else 0

    @api.depends("dossier_id")
    def _compute_tier_id(self):
        for gift in self:
            gift.tier_id = gift.dossier_id.tier_id

    # and when the person's office changes (vip.public.office.mixin._vip_office_changed)
    @api.depends("relative_id", "dossier_id")
    def _compute_recipient_office(self):
        for gift in self:
            person = gift.relative_id or gift.dossier_id
            gift.recipient_pep_kind = person.pep_kind or "none"
            gift.recipient_civil_servant = person.is_civil_servant

    @api.depends("recipient_civil_servant", "amount", "company_id.vip_gift_civil_servant_limit")
    def _compute_approval_required(self):
        for gift in self:
            limit = (gift.company_id or self.env.company).vip_gift_civil_servant_limit
            gift.approval_required = gift.recipient_civil_servant and gift._vip_above(gift.amount, limit)

    @api.depends("dossier_id", "relative_id", "date", "amount", "state")
    def _compute_year_total(self):
        """The person's planned and given gifts of the year, this one as it stands in the form."""
        gifts = self.filtered(lambda g: g.dossier_id and g.date)
        (self - gifts).update({"year_total": 0.0, "year_taxable": False, "year_excess": 0.0})
        if not gifts:
            return
        # the client's gifts, read as the user: who reads this gift reads the client's others
        groups = self.env["vip.gift"]._read_group(
            [
                ("dossier_id", "in", gifts.dossier_id.ids),
                ("year", "in", list({g.date.year for g in gifts})),
                ("state", "in", PLANNED_STATES),
                ("id", "not in", gifts._origin.ids),
            ],
            ["dossier_id", "relative_id", "year"],
            ["amount:sum"],
        )
        totals = {(dossier.id, relative.id, year): total for dossier, relative, year, total in groups}
        for gift in gifts:
            key = (gift.dossier_id._origin.id, gift.relative_id._origin.id, gift.date.year)
            others = sum(
                g.amount
                for g in gifts
                if g != gift
                and g.state in PLANNED_STATES
                and (g.dossier_id._origin.id, g.relative_id._origin.id, g.date.year) == key
            )
            own = gift.amount if gift.state in PLANNED_STATES else 0.0
            total = totals.get(key, 0.0) + others + own
            limit = (gift.company_id or self.env.company).vip_gift_tax_free_limit
            gift.year_total = total
            gift.year_taxable = gift._vip_above(total, limit)
            gift.year_excess = max(total - limit, 0.0) if gift.year_taxable else 0.0

    def _search_year_taxable(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Search gifts by taxable recipient with = or != and a yes or no."))
        # the persons whose given gifts of a year are taxable: the report's own definition, under the
        # user's row rules
        rows = self.env["vip.gift.recipient.year"].search([("taxable", "=", True)])
        gifts = self.env["vip.gift"].search(
            [
                ("state", "=", "given"),
                ("dossier_id", "in", rows.dossier_id.ids),
                ("year", "in", list(set(rows.mapped("year")))),
            ]
        )
        keys = {(r.dossier_id.id, r.relative_id.id, r.year) for r in rows}
        ids = [g.id for g in gifts if (g.dossier_id.id, g.relative_id.id, g.year) in keys]
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", ids)]

    @api.depends("tier_id", "date", "amount", "state", "dossier_id")
    @api.depends_context("uid")
    def _compute_budget(self):
        """The tier's budget of the year against what its gifts commit, this one included."""
        gifts = self.filtered(lambda g: g.date and (g.tier_id or g.dossier_id.tier_id))
        if not (self.env.su or self.env.user._vip_reads_every_client()):
            # What the tier's gifts commit is a sum over every client of the tier: a manager (or a branch
            # head) comparing it before and after would learn other clients' gifts, and "exceeded" alone,
            # tried with amounts, tells the sum. Top management weighs the budget when it decides.
            gifts = gifts.browse()
        (self - gifts).update({"budget_amount": 0.0, "budget_committed": 0.0, "budget_exceeded": False})
        if not gifts:
            return
        tiers = gifts.mapped(lambda g: g.tier_id or g.dossier_id.tier_id)
        years = list({g.date.year for g in gifts})
        # sudo: the bank's budget and the total its gifts commit per tier and year, for top management, which
        # reads every client's gifts anyway
        budgets = self.env["vip.gift.budget"].sudo().search([("tier_id", "in", tiers.ids), ("year", "in", years)])
        budget_of = {(b.company_id.id, b.tier_id.id, b.year): b.amount for b in budgets}
        committed = {
            (company.id, tier.id, year): total
            for company, tier, year, total in self.env["vip.gift"]
            .sudo()
            ._read_group(
                [
                    ("tier_id", "in", tiers.ids),
                    ("year", "in", years),
                    ("state", "in", PLANNED_STATES),
                    ("id", "not in", gifts._origin.ids),
                ],
                ["company_id", "tier_id", "year"],
                ["amount:sum"],
            )
        }
        for gift in gifts:
            company = gift.company_id or self.env.company
            key = (company.id, (gift.tier_id or gift.dossier_id.tier_id)._origin.id, gift.date.year)
            own = gift.amount if gift.state in PLANNED_STATES else 0.0
            gift.budget_amount = budget_of.get(key, 0.0)
            gift.budget_committed = committed.get(key, 0.0) + own
            gift.budget_exceeded = key in budget_of and gift._vip_above(gift.budget_committed, gift.budget_amount)

    @api.model
    def _check_input(self, vals_list):
        """A value that is no positive amount gets the gift's own message, before PostgreSQL's check."""
        result = super()._check_input(vals_list)
        for vals in vals_list:
            if "amount" in vals and not float(vals["amount"] or 0) > 0:
                raise ValidationError(
                    self.env._("The value of a gift must be positive (got %(amount)s).", amount=vals["amount"])
                )
        return result

    @api.constrains("amount")
    def _check_amount(self):
        for gift in self:
            if not gift.amount > 0:
                raise ValidationError(
                    self.env._("The value of a gift must be positive (got %(amount)s).", amount=gift.amount)
                )

    @api.constrains("relative_id", "state")
    def _check_recipient_alive(self):
        for gift in self.filtered(lambda g: g.relative_id.is_deceased and g.state not in ("given", "refused")):
            raise ValidationError(
                self.env._(
                    "%(person)s has died: no gift goes to them (a condolence is the client's manager's task).",
                    person=gift.relative_id.name,
                )
            )

    @api.constrains("key_date_id", "dossier_id")
    def _check_key_date(self):
        for gift in self.filtered("key_date_id"):
            if gift.key_date_id.dossier_id != gift.dossier_id:
                raise ValidationError(
                    self.env._("The key date of a gift must be one of %(client)s's.", client=gift.dossier_id.name)
                )

    @api.constrains("state", "approval_required", "approver_id")
    def _check_given_with_approval(self):
        for gift in self:
            if gift.state == "given" and gift.approval_required and not gift.approver_id:
                raise ValidationError(gift._vip_approval_needed_message())

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            self._vip_check_workflow_fields(set().union(*vals_list) | self._vip_context_default_fields())
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            # who may not change the gifts learns nothing of their state
            self.check_access("write")
            self._vip_check_workflow_fields(set(vals))
            if not FACT_FIELDS.isdisjoint(vals) and any(gift.state != "draft" for gift in self):
                raise UserError(
                    self.env._(
                        "A gift sent for approval, approved, given or refused keeps its recipient, value and "
                        "date: set it back to draft to change them (an approval is then asked again)."
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if self.env.su:
            return
        for gift in self:
            if gift.state != "draft":
                raise UserError(
                    self.env._(
                        "%(gift)s was sent for approval, decided on or given: it stays in the register (only a "
                        "draft is deleted).",
                        gift=gift.name,
                    )
                )

    def action_submit(self):
        """Send for approval: a manager of the client asks top management."""
        self._vip_check_member()
        self._vip_check_state("draft")
        # sudo: the way through approval is written by the buttons only (see write); the user may change
        # these very gifts (checked above)
        for gift in self.sudo():
            gift.write({"state": "to_approve", "submission_count": gift.submission_count + 1})

    def action_mark_given(self):
        """The gift was handed over: above the civil-servant limit, only once approved."""
        self._vip_check_member()
        for gift in self:
            if gift.state not in ("draft", "approved"):
                raise UserError(
                    self.env._(
                        "Only a draft or an approved gift can be marked given (%(gift)s is %(state)s).",
                        gift=gift.name,
                        state=dict(gift._fields["state"]._description_selection(self.env))[gift.state],
                    )
                )
            if gift.approval_required and not gift.approver_id:
                raise UserError(gift._vip_approval_needed_message())
        # sudo: as in action_submit
        self.sudo().write({"state": "given"})

    def action_reset_draft(self):
        """Back to draft, to change the gift: its approval goes with it. A refusal is final (round 21: a
        refused gift, set back to draft once its recipient's office was cleared, was handed over): a new
        gift is registered and decided again."""
        self._vip_check_member()
        self._vip_check_state("to_approve", "approved")
        # sudo: as in action_submit
        self.sudo().write({"state": "draft", "approver_id": False, "approval_date": False, "approval_comment": False})

    def action_open_decision(self):
        """Approve or refuse, with a comment (top management)."""
        self._vip_check_approver()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Approve or Refuse"),
            "res_model": "vip.gift.decision.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_gift_ids": self.ids,
                "default_decision": self.env.context.get("vip_decision", "approve"),
                # the gifts as they were sent when the decision was opened: a gift sent again meanwhile (its
                # value changed) is not decided on unseen
                "default_seen_submissions": json.dumps({str(gift.id): gift.submission_count for gift in self}),
            },
        }

    def _vip_decide(self, decision, comment=False):
        """Top management approves or refuses gifts sent for approval."""
        self._vip_check_approver()
        self._vip_check_state("to_approve")
        for gift in self:
            if self.env.user in (gift.user_id | gift.create_uid):
                raise UserError(
                    self.env._(
                        "%(gift)s was registered or is given by you: another member of top management decides on it.",
                        gift=gift.name,
                    )
                )
        # sudo: top management reads these gifts (checked above) but has no write access to a client's
        # records; only the decision is written, never the gift
        self.sudo().write(
            {
                "state": "approved" if decision == "approve" else "refused",
                "approver_id": self.env.user.id,
                "approval_date": fields.Datetime.now(),
                "approval_comment": comment or False,
            }
        )

    def _vip_above(self, amount, limit):
        """Whether ``amount`` is above ``limit``, to the kopeck (3,000.01 is, 3,000.00 is not)."""
        currency = self.currency_id or self.env.company.currency_id
        return currency.compare_amounts(amount, limit) > 0

    def _vip_approval_needed_message(self):
        return self.env._(
            "%(gift)s for %(recipient)s is worth %(amount)s, above the %(limit)s allowed for a state or municipal "
            "employee (Civil Code of the Russian Federation, art. 575): it can be given only once a VIP supervisor "
            "approved it. Send it for approval first.",
            gift=self.name,
            recipient=self.recipient_name,
            amount=self.currency_id.format(self.amount) if self.currency_id else self.amount,
            limit=self.currency_id.format(self.civil_servant_limit) if self.currency_id else self.civil_servant_limit,
        )

    @api.model
    def _vip_check_workflow_fields(self, fnames):
        forbidden = (WORKFLOW_FIELDS | DERIVED_FIELDS) & fnames
        if forbidden:
            raise AccessError(
                self.env._(
                    "A gift goes through approval with its buttons and follows its recipient: %(fields)s cannot "
                    "be set by hand.",
                    fields=", ".join(self._fields[name]._description_string(self.env) for name in sorted(forbidden)),
                )
            )

    def _vip_check_member(self):
        """Only who may change the gifts (the client's managers, VIP administrators) moves them on."""
        self.check_access("write")

    def _vip_check_approver(self):
        if not self.env.user.has_group("vip_dossier.group_vip_supervisor"):
            raise AccessError(self.env._("Only VIP supervisors and administrators approve or refuse gifts."))
        self.check_access("read")

    def _vip_check_state(self, *states):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for gift in self:
            if gift.state not in states:
                raise UserError(
                    self.env._(
                        "%(gift)s is %(state)s: this step is not open to it.", gift=gift.name, state=labels[gift.state]
                    )
                )
