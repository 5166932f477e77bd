# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from odoo.addons.vip_dossier.models.vip_input_mixin import REF_SIZE

GREETING_CHANNELS = [
    ("call", "Call"),
    ("sms", "SMS"),
    ("email", "E-mail"),
    ("gift", "Gift"),
    ("visit", "Visit"),
]


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
        help="Greeting sent by SMS; {name} is replaced by the person's formal address (first name and patronymic).",
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
