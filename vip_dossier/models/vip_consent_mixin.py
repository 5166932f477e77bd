# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .vip_input_mixin import check_not_in_future

CONSENT_SOURCES = [
    ("paper", "Signed paper form"),
    ("branch", "In the branch"),
    ("online", "Online banking"),
    ("phone", "Recorded phone call"),
    ("other", "Other"),
]


class VipConsentMixin(models.AbstractModel):
    """Consent to the processing of personal data (Russian law 152-FZ).

    It is kept per person: the client and, separately, every relative, who is
    not a bank client. Without a valid consent the person must not be
    contacted (no contact tasks) and their data is flagged for review.
    """

    _name = "vip.consent.mixin"
    _description = "VIP Personal Data Consent (152-FZ)"

    consent_purpose = fields.Char(
        help="What the person agreed their data may be used for.",
    )
    consent_date = fields.Date(string="Consent Given On")
    consent_source = fields.Selection(CONSENT_SOURCES)
    consent_withdrawn_date = fields.Date(string="Consent Withdrawn On")
    consent_state = fields.Selection(
        [("missing", "Missing"), ("given", "Given"), ("withdrawn", "Withdrawn")],
        compute="_compute_consent_state",
        store=True,
        index=True,
    )
    contact_allowed = fields.Boolean(
        compute="_compute_consent_state",
        store=True,
        help="The person may be contacted: consent is given and not withdrawn.",
    )
    data_review_needed = fields.Boolean(
        compute="_compute_consent_state",
        store=True,
        help="Consent is missing or withdrawn: the personal data kept about "
        "this person must be reviewed and, if needed, erased.",
    )

    @api.depends("consent_date", "consent_withdrawn_date")
    def _compute_consent_state(self):
        for person in self:
            if person.consent_withdrawn_date:
                state = "withdrawn"
            elif person.consent_date:
                state = "given"
            else:
                state = "missing"
            person.consent_state = state
            person.contact_allowed = state == "given"
            person.data_review_needed = state != "given"

    @api.constrains("consent_date", "consent_withdrawn_date")
    def _check_consent_dates(self):
        check_not_in_future(
            self,
            "consent_date",
            lambda _person, date: self.env._("Consent cannot be dated in the future (%(date)s).", date=date),
        )
        for person in self:
            if person.consent_withdrawn_date and not person.consent_date:
                raise ValidationError(
                    self.env._("Consent can only be withdrawn after it was given: fill in the date it was given.")
                )
            if person.consent_withdrawn_date and person.consent_withdrawn_date < person.consent_date:
                raise ValidationError(
                    self.env._(
                        "Consent cannot be withdrawn (%(withdrawn)s) before it was given (%(given)s).",
                        withdrawn=person.consent_withdrawn_date,
                        given=person.consent_date,
                    )
                )
