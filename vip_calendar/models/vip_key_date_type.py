# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import split_every

from odoo.addons.vip_dossier.models.vip_input_mixin import REF_SIZE

# what an occasion sets on each of its key dates, as the bank's policy: a change reaches existing dates
POLICY_FIELDS = ("lead_days", "channel")
# a date comes back every year: a reminder more than a year ahead means nothing, and one thousands of
# years ahead lies beyond the calendar (Python's dates end in 9999), to break the run of every date
MAX_LEAD_DAYS = 366
GREETING_CHANNELS = [
    ("call", "Call"),
    ("sms", "SMS"),
    ("email", "E-mail"),
    ("gift", "Gift"),
    ("visit", "Visit"),
]


def check_lead_days(records):
    """Refuse a lead time outside 0 to ``MAX_LEAD_DAYS`` days (occasion types and key dates alike)."""
    for record in records:
        if not 0 <= record.lead_days <= MAX_LEAD_DAYS:
            raise ValidationError(
                records.env._(
                    "A reminder comes 0 to %(max)s days ahead of its date, not %(days)s.",
                    max=MAX_LEAD_DAYS,
                    days=record.lead_days,
                )
            )


class VipKeyDateType(models.Model):
    """A kind of key date, with its default lead time and greeting script."""

    _name = "vip.key.date.type"
    _description = "VIP Key Date Type"
    _inherit = ["vip.input.mixin"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, size=REF_SIZE, help="Technical name used by the automatic synchronisation.")
    sequence = fields.Integer(default=10)
    lead_days = fields.Integer(
        string="Remind Days Ahead", default=3, required=True, help="How many days before the date the task is created."
    )
    yearly = fields.Boolean(default=True, help="The date comes back every year (a birthday), or only once (an expiry).")
    activity_type_id = fields.Many2one("mail.activity.type", string="Task Type", required=True)
    channel = fields.Selection(GREETING_CHANNELS, string="Greeting Channel", default="call", required=True)
    greeting_script = fields.Html(translate=True, help="What the service standard says to do and say on this occasion.")
    sms_allowed = fields.Boolean(
        string="Greeting by SMS Allowed",
        help="The service standard allows an SMS greeting on this occasion (for people who opted in).",
    )
    sms_text = fields.Text(
        string="SMS Text",
        translate=True,
        help="Greeting sent by SMS; {greeting} is replaced by the greeting in the person's gender (Уважаемый Иван "
        "Петрович, Уважаемая Анна Сергеевна), {name} by the formal address alone (first name and patronymic).",
    )
    is_greeting = fields.Boolean(
        string="Greeting",
        default=True,
        help="A congratulation: only for people who agreed to be contacted, and for a relative who did not, "
        "mentioned to the client. Other occasions (a power of attorney that ends) are the bank's business with "
        "the client and always get their task.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "Another key date type has this technical name."),
        ("lead_days_positive", "CHECK(lead_days >= 0)", "The reminder cannot come after the date."),
    ]

    @api.constrains("lead_days")
    def _check_lead_days(self):
        check_lead_days(self)

    def write(self, vals):
        changed = [name for name in POLICY_FIELDS if name in vals]
        before = {key_type.id: {name: key_type[name] for name in changed} for key_type in self}
        res = super().write(vals)
        for key_type in self:
            for name in changed:
                if before[key_type.id][name] != key_type[name]:
                    key_type._apply_to_key_dates(name, before[key_type.id][name])
        return res

    def _apply_to_key_dates(self, name, old_value, batch_size=1000):
        """The bank's policy reaches every client at once: the key dates of this occasion that follow
        its old value take the new one, a batch at a time; a lead time or channel a manager chose for
        one date stays theirs."""
        self.ensure_one()
        # sudo: key dates of every client follow the bank's configuration, whoever may change it
        KeyDate = self.env["vip.key.date"].sudo().with_context(active_test=False)
        dates = KeyDate.search([("type_id", "=", self.id), (name, "=", old_value)])
        for batch in split_every(batch_size, dates.ids):
            KeyDate.browse(batch).write({name: self[name]})
            KeyDate.env.flush_all()
