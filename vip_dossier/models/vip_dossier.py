# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .vip_input_mixin import NAME_SIZE, REF_SIZE, check_not_in_future

CHANNELS = [
    ("phone", "Phone call"),
    ("mobile", "Mobile phone"),
    ("email", "E-mail"),
    ("sms", "SMS"),
    ("messenger", "Messenger"),
    ("meeting", "Meeting in person"),
]

# The facts a complete dossier has; the completeness score is the share filled. The deputy is not one of
# them: only an administrator sets it, and a manager's dossier must not count as incomplete for it.
COMPLETENESS_FACTS = (
    "birth_date",
    "phone",
    "email",
    "employer_id",
    "job_title",
    "client_since",
    "preferred_channel",
    "consent_date",
    "preference_ids",
)
INCOMPLETE_BELOW = 80
# a phone number with its formatting and an extension, at most: E.164 numbers have 15 digits
PHONE_SIZE = 64


class VipDossier(models.Model):
    """The dossier of one VIP client.

    Contact data stays on the client's ``res.partner``; everything the VIP
    desk knows beyond that lives here, so that the dossier's access rules (and
    those of its chatter, attachments and activities) protect it.
    """

    _name = "vip.dossier"
    _description = "VIP Client Dossier"
    _inherit = [
        "vip.input.mixin",
        "vip.person.mixin",
        "vip.consent.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "image.mixin",
    ]
    _order = "name, id"
    _rec_names_search = ["name", "client_ref"]

    def _default_user_id(self):
        if self.env.user.has_group("vip_dossier.group_vip_manager"):
            return self.env.user
        return False

    # identity and segment
    partner_id = fields.Many2one(
        "res.partner",
        string="Contact",
        required=True,
        ondelete="restrict",
        index=True,
        help="The client's contact card, created with the dossier when left empty.",
    )
    client_ref = fields.Char(
        string="Client ID",
        size=REF_SIZE,
        index="btree_not_null",
        copy=False,
        tracking=True,
        help="The client's identifier in the core banking system; operations and income are matched by it.",
    )
    tier_id = fields.Many2one("vip.tier", index=True, tracking=True)
    state = fields.Selection(
        [
            ("prospect", "Prospect"),
            ("active", "Active"),
            ("dormant", "Dormant"),
            ("closed", "Closed"),
        ],
        string="Status",
        default="prospect",
        required=True,
        index=True,
        tracking=True,
    )
    client_since = fields.Date(tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Manager",
        default=_default_user_id,
        index=True,
        tracking=True,
        domain=lambda self: [("groups_id", "in", self.env.ref("vip_dossier.group_vip_manager").id)],
    )
    deputy_id = fields.Many2one(
        "res.users",
        string="Deputy Manager",
        index="btree_not_null",
        tracking=True,
        domain=lambda self: [("groups_id", "in", self.env.ref("vip_dossier.group_vip_manager").id)],
    )
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    active = fields.Boolean(default=True, tracking=True)
    color = fields.Integer(related="tier_id.color")
    # the photo stays on the dossier (contacts are readable by every employee);
    # without one, cards show the contact's generated initials avatar
    partner_avatar_128 = fields.Image(related="partner_id.avatar_128", string="Contact Avatar")

    # contact data, kept on the partner; the partner's phone numbers are indexed (phone search), so a number
    # must fit in an index entry: a megabyte of it was a PostgreSQL error (found by the fuzz suite)
    phone = fields.Char(related="partner_id.phone", readonly=False, size=PHONE_SIZE)
    mobile = fields.Char(related="partner_id.mobile", readonly=False, size=PHONE_SIZE)
    email = fields.Char(related="partner_id.email", readonly=False)
    lang_ids = fields.Many2many(
        "res.lang",
        string="Languages",
        context={"active_test": False},
        help="Languages the client speaks.",
    )
    preferred_channel = fields.Selection(CHANNELS, tracking=True)
    contact_hour_from = fields.Float(string="Call From", help="Earliest hour the client likes to be called.")
    contact_hour_to = fields.Float(string="Call Until", help="Latest hour the client likes to be called.")
    notes = fields.Html()

    # employer
    employer_id = fields.Many2one(
        "res.partner",
        domain=[("is_company", "=", True)],
        index="btree_not_null",
        tracking=True,
    )
    job_title = fields.Char(string="Position", size=NAME_SIZE, tracking=True)
    employer_website = fields.Char(related="employer_id.website", string="Employer Web Site")
    employer_industry_id = fields.Many2one(related="employer_id.industry_id", string="Employer Industry")
    employer_founding_date = fields.Date(related="employer_id.founding_date", string="Employer Founded On")

    # dossier contents
    relative_ids = fields.One2many("vip.relative", "dossier_id", string="Relatives")
    trusted_person_ids = fields.One2many("vip.trusted.person", "dossier_id", string="Trusted Persons")
    preference_ids = fields.One2many(
        "vip.preference",
        "dossier_id",
        string="Preferences",
        domain=[("relative_id", "=", False)],
        help="Preferences of the client; those of relatives are kept on each relative.",
    )
    interaction_ids = fields.One2many("vip.interaction", "dossier_id", string="Interactions")
    operation_ids = fields.One2many("vip.operation", "dossier_id", string="Operations")
    income_ids = fields.One2many("vip.income", "dossier_id")

    relative_count = fields.Integer(compute="_compute_counts")
    interaction_count = fields.Integer(compute="_compute_counts")
    # its own compute: who may not read operations (emergency access) still reads the other counts
    operation_count = fields.Integer(compute="_compute_operation_count")
    last_interaction_date = fields.Datetime(compute="_compute_counts", string="Last Contact")

    income_12m = fields.Monetary(
        string="Income, 12 Months",
        compute="_compute_income",
        currency_field="currency_id",
        help="Income the client brought the bank over the last twelve months, in the company currency.",
    )
    income_ytd = fields.Monetary(
        string="Income, Year to Date",
        compute="_compute_income",
        currency_field="currency_id",
    )

    completeness = fields.Integer(
        compute="_compute_completeness",
        store=True,
        aggregator="avg",
        help="Share of the key dossier facts that are filled, in percent.",
    )
    is_incomplete = fields.Boolean(compute="_compute_completeness", store=True, index=True)
    missing_facts = fields.Char(
        compute="_compute_missing_facts",
        help="The key facts of the dossier still to fill, in the reader's language.",
    )

    # tracked consent facts (the mixin also serves relatives, which have no chatter)
    consent_date = fields.Date(tracking=True)
    consent_withdrawn_date = fields.Date(tracking=True)
    birth_date = fields.Date(tracking=True)

    _sql_constraints = [
        ("partner_uniq", "unique(partner_id)", "This contact already has a VIP dossier."),
        ("client_ref_uniq", "unique(company_id, client_ref)", "Another dossier already has this client ID."),
        (
            "deputy_not_manager",
            "CHECK(deputy_id IS NULL OR user_id IS NULL OR deputy_id != user_id)",
            "The deputy must be someone other than the manager.",
        ),
        (
            "contact_hours",
            "CHECK(contact_hour_from >= 0 AND contact_hour_to <= 24 "
            "AND (contact_hour_to = 0 OR contact_hour_from < contact_hour_to))",
            "Contact hours must lie within a day, the start before the end.",
        ),
    ]

    def _compute_counts(self):
        counts = dict(
            self.env["vip.relative"]._read_group([("dossier_id", "in", self.ids)], ["dossier_id"], ["__count"])
        )
        for dossier in self:
            dossier.relative_count = counts.get(dossier._origin, 0)
        stats = {
            dossier: (count, last)
            for dossier, count, last in self.env["vip.interaction"]._read_group(
                [("dossier_id", "in", self.ids)], ["dossier_id"], ["__count", "date:max"]
            )
        }
        for dossier in self:
            dossier.interaction_count, dossier.last_interaction_date = stats.get(dossier._origin, (0, False))

    def _compute_operation_count(self):
        counts = dict(
            self.env["vip.operation"]._read_group([("dossier_id", "in", self.ids)], ["dossier_id"], ["__count"])
        )
        for dossier in self:
            dossier.operation_count = counts.get(dossier._origin, 0)

    def _compute_income(self):
        today = fields.Date.context_today(self)
        start_12m = today + relativedelta(months=-12, days=1)
        start_ytd = today.replace(month=1, day=1)  # within the last twelve months
        # both figures from one query, to the day
        per_day = self._income_by_period(start_12m, "day")
        for dossier in self:
            days = per_day.get(dossier._origin.id, {})
            dossier.income_12m = sum(days.values())
            dossier.income_ytd = sum(amount for day, amount in days.items() if day >= start_ytd)

    def _income_by_period(self, start, period):
        """``{dossier id: {first day of the period: amount}}`` of the income from ``start`` to today, by
        ``period`` (``day``, ``month``, as ``read_group`` groups dates), in one query."""
        grouped = self.env["vip.income"]._read_group(
            [("dossier_id", "in", self.ids), ("date", ">=", start), ("date", "<=", fields.Date.context_today(self))],
            ["dossier_id", f"date:{period}"],
            ["amount:sum"],
        )
        result = {}
        for dossier, first_day, amount in grouped:
            result.setdefault(dossier.id, {})[first_day] = amount
        return result

    @api.depends(*(f if f != "phone" and f != "email" else f"partner_id.{f}" for f in COMPLETENESS_FACTS))
    def _compute_completeness(self):
        for dossier in self:
            filled = sum(1 for fact in COMPLETENESS_FACTS if dossier[fact])
            dossier.completeness = round(100 * filled / len(COMPLETENESS_FACTS))
            dossier.is_incomplete = dossier.completeness < INCOMPLETE_BELOW

    @api.depends(*(f if f != "phone" and f != "email" else f"partner_id.{f}" for f in COMPLETENESS_FACTS))
    @api.depends_context("lang")
    def _compute_missing_facts(self):
        labels = self._completeness_labels()
        for dossier in self:
            dossier.missing_facts = ", ".join(labels[fact] for fact in COMPLETENESS_FACTS if not dossier[fact])

    def _completeness_labels(self):
        """How each fact of the score is named in a list of what is missing, in the reader's language."""
        return {
            "birth_date": self.env._("birth date"),
            "phone": self.env._("phone"),
            "email": self.env._("e-mail"),
            "employer_id": self.env._("employer"),
            "job_title": self.env._("position"),
            "client_since": self.env._("client since"),
            "preferred_channel": self.env._("preferred channel"),
            "consent_date": self.env._("consent to personal data processing"),
            "preference_ids": self.env._("preferences"),
        }

    @api.constrains("client_since")
    def _check_client_since(self):
        check_not_in_future(
            self,
            "client_since",
            lambda dossier, date: self.env._(
                "%(name)s cannot be a client since a future date (%(date)s).", name=dossier.name, date=date
            ),
        )

    @api.model_create_multi
    def create(self, vals_list):
        """Create the client's contact card when none is given, all in one batch."""
        # the card is made of these values before the ORM sees them: they are checked first
        self._check_input(vals_list)
        without_partner = [vals for vals in vals_list if not vals.get("partner_id")]
        if without_partner:
            partners = self.env["res.partner"].create([self._prepare_partner_vals(vals) for vals in without_partner])
            for vals, partner in zip(without_partner, partners, strict=True):
                vals["partner_id"] = partner.id
        return super().create(vals_list)

    def write(self, vals):
        res = super().write(vals)
        if {"name", "last_name", "first_name", "patronymic"} & set(vals):
            # one write per distinct name (usually one), not one per dossier
            for name, dossiers in self.filtered(lambda d: d.partner_id.name != d.name).grouped("name").items():
                dossiers.partner_id.name = name
        return res

    def _prepare_partner_vals(self, vals):
        name = vals.get("name") or " ".join(
            part.strip()
            for part in (vals.get(f) for f in ("last_name", "first_name", "patronymic"))
            if part and part.strip()
        )
        if not name:
            raise ValidationError(self.env._("A person needs a name: fill in at least the last or the first name."))
        partner_vals = {"name": name, "type": "contact"}
        for field in ("phone", "mobile", "email"):
            if vals.get(field):
                partner_vals[field] = vals.pop(field)
        if vals.get("company_id"):
            partner_vals["company_id"] = vals["company_id"]
        return partner_vals

    @api.model
    def _action_open_clients(self):
        """The client list of the menu: a manager's own clients; every client the user may read for who
        has none of their own (top management), rather than an empty list inviting them to create one."""
        action = self.env["ir.actions.act_window"]._for_xml_id("vip_dossier.vip_dossier_action")
        uid = self.env.uid
        if not self.search_count(["|", ("user_id", "=", uid), ("deputy_id", "=", uid)], limit=1):
            action["context"] = "{}"
        return action

    def action_open_interactions(self):
        return self._action_open_lines("vip_dossier.vip_interaction_action")

    def action_open_operations(self):
        return self._action_open_lines("vip_dossier.vip_operation_action")

    def action_open_income(self):
        return self._action_open_lines("vip_dossier.vip_income_action")

    def action_open_relatives(self):
        return self._action_open_lines("vip_dossier.vip_relative_action")

    def _schedule_follow_up(self, activity_type, summary, note, date_deadline, user):
        """The follow-up task on the client, for ``user`` when a manager of the client, else for the
        client's manager: a call is the client's managers' to make."""
        self.ensure_one()
        if user not in self.user_id | self.deputy_id:
            user = self.user_id or user
        return self.activity_schedule(
            activity_type_id=activity_type.id,
            summary=summary,
            note=note or False,
            date_deadline=date_deadline,
            user_id=user.id,
        )

    def _action_open_lines(self, xmlid):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [("dossier_id", "=", self.id)]
        action["context"] = {"default_dossier_id": self.id}
        return action
