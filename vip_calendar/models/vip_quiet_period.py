# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.osv import expression
from odoo.tools import format_date

QUIET_REASONS = [
    ("mourning", "Mourning"),
    ("illness", "Illness"),
    ("client_request", "Client's request"),
    ("other", "Other"),
]


class VipQuietPeriod(models.Model):
    """A time when the client is not to be disturbed: mourning, illness, the client's own wish.

    While it lasts, greetings (the key-date run's tasks and SMS, the digests' greeting lines) and the
    desk's routine tasks (employer watch, filling the dossier) are held back for the client; the
    business with the client (a power of attorney that ends) and the tasks a manager sets by hand are
    not, but the client's form and My Day say «do not disturb until …».
    """

    _name = "vip.quiet.period"
    _description = "VIP Do-Not-Disturb Period"
    _inherit = ["vip.input.mixin", "vip.access.logged.mixin"]
    _order = "date_from desc, id desc"

    dossier_id = fields.Many2one("vip.dossier", string="Client", required=True, ondelete="cascade", index=True)
    reason = fields.Selection(QUIET_REASONS, required=True, default="mourning")
    note = fields.Text()
    date_from = fields.Date(string="From", required=True, default=fields.Date.context_today)
    date_to = fields.Date(
        string="Until",
        help="The last day of the period, included: «not before 15 March» is until 14 March. Empty: until "
        "further notice.",
    )
    user_id = fields.Many2one(related="dossier_id.user_id", string="Manager")
    company_id = fields.Many2one(related="dossier_id.company_id")
    is_current = fields.Boolean(
        string="In Force", compute="_compute_is_current", search="_search_is_current", help="The period covers today."
    )
    until_label = fields.Char(string="Do Not Disturb", compute="_compute_until_label")

    _sql_constraints = [
        (
            "dates_in_order",
            "CHECK(date_to IS NULL OR date_to >= date_from)",
            "A do-not-disturb period cannot end before it starts.",
        ),
    ]

    @api.depends("date_from", "date_to")
    @api.depends_context("tz")
    def _compute_is_current(self):
        today = fields.Date.context_today(self)
        for period in self:
            period.is_current = period._covers(today)

    @api.model
    def _search_is_current(self, operator, value):
        if operator not in ("=", "!="):
            raise NotImplementedError(operator)
        domain = self._covering_domain(fields.Date.context_today(self))
        return domain if (operator == "=") == bool(value) else ["!", *expression.normalize_domain(domain)]

    @api.depends("date_to", "reason")
    @api.depends_context("lang")
    def _compute_until_label(self):
        for period in self:
            period.until_label = period._until_text()

    @api.depends("reason", "date_from", "date_to")
    @api.depends_context("lang")
    def _compute_display_name(self):
        reasons = dict(self._fields["reason"]._description_selection(self.env))
        for period in self:
            period.display_name = self.env._(
                "%(reason)s, from %(start)s: %(until)s",
                reason=reasons.get(period.reason, ""),
                start=format_date(self.env, period.date_from) if period.date_from else "",
                until=period._until_text(),
            )

    def _until_text(self):
        self.ensure_one()
        if self.date_to:
            return self.env._("do not disturb until %(date)s", date=format_date(self.env, self.date_to))
        return self.env._("do not disturb until further notice")

    def _covers(self, day):
        self.ensure_one()
        return bool(self.date_from and day and self.date_from <= day and (not self.date_to or day <= self.date_to))

    @api.model
    def _covering_domain(self, day):
        """The one definition of a period covering ``day`` (the last day included, open-ended without end)."""
        return [("date_from", "<=", day), "|", ("date_to", "=", False), ("date_to", ">=", day)]

    @api.model_create_multi
    def create(self, vals_list):
        periods = super().create(vals_list)
        periods.dossier_id._quiet_periods_changed()
        return periods

    def write(self, vals):
        dossiers = self.dossier_id
        res = super().write(vals)
        (dossiers | self.dossier_id)._quiet_periods_changed()
        return res

    def unlink(self):
        dossiers = self.dossier_id
        res = super().unlink()
        dossiers._quiet_periods_changed()
        return res
