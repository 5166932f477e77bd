# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .vip_input_mixin import NAME_SIZE


class VipTrustedPerson(models.Model):
    """A trusted person of the client, acting under a power of attorney."""

    _name = "vip.trusted.person"
    _description = "VIP Trusted Person (Power of Attorney)"
    _inherit = ["vip.input.mixin"]
    _order = "dossier_id, valid_to desc, id"

    dossier_id = fields.Many2one("vip.dossier", string="Client", required=True, ondelete="cascade", index=True)
    relative_id = fields.Many2one(
        "vip.relative",
        ondelete="set null",
        domain="[('dossier_id', '=', dossier_id)]",
        help="When the trusted person is one of the client's relatives.",
    )
    name = fields.Char(
        string="Trusted Person",
        size=NAME_SIZE,
        required=True,
        compute="_compute_name",
        store=True,
        readonly=False,
        precompute=True,
    )
    scope = fields.Text(required=True, help="What the trusted person may sign or do on the client's behalf.")
    document_ref = fields.Char(string="Power of Attorney", help="Number and date of the power of attorney.")
    document = fields.Binary(string="Scan", attachment=True)
    document_filename = fields.Char()
    valid_from = fields.Date(required=True)
    valid_to = fields.Date()
    state = fields.Selection(
        [("future", "Not Yet Valid"), ("valid", "Valid"), ("expired", "Expired")],
        compute="_compute_state",
        search="_search_state",
    )
    notes = fields.Text()

    _sql_constraints = [
        (
            "validity",
            "CHECK(valid_to IS NULL OR valid_to >= valid_from)",
            "A power of attorney cannot end before it starts.",
        ),
    ]

    @api.depends("relative_id")
    def _compute_name(self):
        for person in self.filtered("relative_id"):
            person.name = person.relative_id.name

    def _compute_state(self):
        today = fields.Date.context_today(self)
        for person in self:
            if person.valid_from and person.valid_from > today:
                person.state = "future"
            elif person.valid_to and person.valid_to < today:
                person.state = "expired"
            else:
                person.state = "valid"

    def _search_state(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise ValidationError(self.env._("Unsupported search on the validity of a power of attorney."))
        today = fields.Date.context_today(self)
        domains = {
            "future": [("valid_from", ">", today)],
            "expired": [("valid_to", "<", today)],
            "valid": ["&", ("valid_from", "<=", today), "|", ("valid_to", "=", False), ("valid_to", ">=", today)],
        }
        values = [value] if isinstance(value, str) else list(value)
        domain = ["|"] * (len(values) - 1)
        for val in values:
            domain += domains[val]
        return ["!", *domain] if operator in ("!=", "not in") else domain

    @api.constrains("valid_from", "valid_to")
    def _check_validity(self):
        for person in self:
            if person.valid_to and person.valid_from and person.valid_to < person.valid_from:
                raise ValidationError(
                    self.env._(
                        "The power of attorney of %(name)s cannot end (%(end)s) before it starts (%(start)s).",
                        name=person.name,
                        end=person.valid_to,
                        start=person.valid_from,
                    )
                )

    @api.constrains("name")
    def _check_name(self):
        for person in self:
            if not (person.name or "").strip():
                raise ValidationError(self.env._("A trusted person needs a name."))
