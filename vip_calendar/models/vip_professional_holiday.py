# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import calendar
from datetime import date, timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

WEEKDAYS = [
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
    ("5", "Saturday"),
    ("6", "Sunday"),
]
MONTHS = [(str(m), calendar.month_name[m]) for m in range(1, 13)]


class VipProfessionalHoliday(models.Model):
    """A professional holiday ("Banker's Day"), by rule, linked to industries.

    Rules: a fixed date (2 December), the n-th weekday of a month (second
    Sunday of August), the last weekday of a month (last Sunday of August), or
    the n-th day of the year (programmers' day, the 256th).
    """

    _name = "vip.professional.holiday"
    _description = "VIP Professional Holiday"
    _inherit = ["vip.input.mixin"]
    _order = "month_int, day, id"

    name = fields.Char(required=True, translate=True)
    rule = fields.Selection(
        [
            ("fixed", "Fixed date"),
            ("nth_weekday", "N-th weekday of the month"),
            ("last_weekday", "Last weekday of the month"),
            ("day_of_year", "N-th day of the year"),
        ],
        required=True,
        default="fixed",
    )
    month = fields.Selection(MONTHS)
    month_int = fields.Integer(compute="_compute_month_int", store=True)
    day = fields.Integer(help="Day of the month for a fixed date; day of the year for an n-th day of the year.")
    weekday = fields.Selection(WEEKDAYS)
    week = fields.Integer(string="N-th", help="1 for the first, 2 for the second… weekday of the month.")
    industry_ids = fields.Many2many("res.partner.industry", string="Industries")
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
    next_date = fields.Date(compute="_compute_next_date", string="Next")

    @api.depends("month")
    def _compute_month_int(self):
        for holiday in self:
            holiday.month_int = int(holiday.month or 0)

    def write(self, vals):
        res = super().write(vals)
        if "active" in vals:
            # the bank's catalog: an archived holiday reminds nobody any more, at once, for every client
            # sudo: key dates are derived data kept by the system
            dossiers = self.env["vip.dossier"].sudo().with_context(active_test=False)
            dossiers._sync_key_dates_in_batches(dossiers.search([("professional_holiday_ids", "in", self.ids)]).ids)
        return res

    def _compute_next_date(self):
        today = fields.Date.context_today(self)
        for holiday in self:
            holiday.next_date = holiday._next_occurrence(today)

    @api.constrains("rule", "month", "day", "weekday", "week")
    def _check_rule(self):
        for holiday in self:
            if holiday.rule == "day_of_year":
                if not 1 <= (holiday.day or 0) <= 365:
                    raise ValidationError(self.env._("The day of the year must be between 1 and 365."))
                continue
            if not holiday.month:
                raise ValidationError(self.env._("%(name)s: choose the month.", name=holiday.name))
            if holiday.rule == "fixed":
                last = calendar.monthrange(2024, int(holiday.month))[1]  # a leap year: 29 February is allowed
                if not 1 <= (holiday.day or 0) <= last:
                    raise ValidationError(
                        self.env._("%(name)s: the day must be between 1 and %(last)s.", name=holiday.name, last=last)
                    )
            elif not holiday.weekday:
                raise ValidationError(self.env._("%(name)s: choose the weekday.", name=holiday.name))
            elif holiday.rule == "nth_weekday" and not 1 <= (holiday.week or 0) <= 4:
                raise ValidationError(
                    self.env._("%(name)s: the n-th weekday must be between 1 and 4.", name=holiday.name)
                )

    def _date_in_year(self, year):
        """The holiday's date in ``year``."""
        self.ensure_one()
        if self.rule == "day_of_year":
            return date(year, 1, 1) + timedelta(days=self.day - 1)
        month = int(self.month)
        if self.rule == "fixed":
            return _safe_date(year, month, self.day, self.env.company.vip_feb29_policy)
        weekday = int(self.weekday)
        if self.rule == "nth_weekday":
            first = date(year, month, 1)
            offset = (weekday - first.weekday()) % 7
            return first + timedelta(days=offset + 7 * (self.week - 1))
        last = date(year, month, calendar.monthrange(year, month)[1])
        return last - timedelta(days=(last.weekday() - weekday) % 7)

    def _next_occurrence(self, today):
        self.ensure_one()
        candidate = self._date_in_year(today.year)
        return candidate if candidate >= today else self._date_in_year(today.year + 1)


def _safe_date(year, month, day, feb29_policy):
    """date(year, month, day), with 29 February moved in years that are not leap years."""
    if month == 2 and day == 29 and not calendar.isleap(year):
        return date(year, 3, 1) if feb29_policy == "mar1" else date(year, 2, 28)
    return date(year, month, day)


def next_anniversary(base, today, feb29_policy):
    """The next yearly occurrence of ``base`` on or after ``today``."""
    candidate = _safe_date(today.year, base.month, base.day, feb29_policy)
    if candidate < today:
        candidate = _safe_date(today.year + 1, base.month, base.day, feb29_policy)
    return candidate
