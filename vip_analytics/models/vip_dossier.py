# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta
from markupsafe import Markup, escape

from odoo import fields, models
from odoo.tools.misc import format_amount

from odoo.addons.vip_security.models.vip_dossier import MONEY_GROUPS


class VipDossier(models.Model):
    _inherit = "vip.dossier"

    income_prev_12m = fields.Monetary(
        string="Income, Previous 12 Months",
        compute="_compute_income_trend",
        currency_field="currency_id",
        groups=MONEY_GROUPS,
        help="Income of the twelve months before the last twelve: the base of the year-over-year change.",
    )
    income_yoy = fields.Float(
        string="Year over Year",
        compute="_compute_income_trend",
        groups=MONEY_GROUPS,
        help="Change of the last twelve months' income against the twelve months before; empty without a base.",
    )
    income_trend = fields.Html(
        string="Income, Last 12 Months",
        compute="_compute_income_trend",
        sanitize=False,  # built here from numbers only
        groups=MONEY_GROUPS,
    )

    def _compute_income_trend(self):
        today = fields.Date.context_today(self)
        this_month = today.replace(day=1)
        months = [this_month - relativedelta(months=n) for n in range(23, -1, -1)]
        per_dossier = self._income_by_period(months[0], "month")
        for dossier in self:
            amounts = per_dossier.get(dossier._origin.id, {})
            series = [amounts.get(month, 0.0) for month in months]
            last, previous = sum(series[12:]), sum(series[:12])
            dossier.income_prev_12m = previous
            dossier.income_yoy = (last - previous) / abs(previous) if previous else False
            dossier.income_trend = dossier._income_trend_svg(months[12:], series[12:])

    def _income_trend_svg(self, months, series):
        """Twelve bars, one per month, the current one last; the amount in each bar's tooltip."""
        top = max((abs(value) for value in series), default=0) or 1
        bar, gap, height = 14, 4, 48
        parts = []
        for index, (month, value) in enumerate(zip(months, series, strict=True)):
            size = max(round(height * abs(value) / top), 1 if value else 0)
            label = f"{month.strftime('%m.%Y')}: {format_amount(self.env, value, self.currency_id)}"
            parts.append(
                Markup('<rect x="%s" y="%s" width="%s" height="%s" rx="2" class="%s"><title>%s</title></rect>')
                % (
                    index * (bar + gap),
                    height - size,
                    bar,
                    size,
                    "text-success" if value >= 0 else "text-danger",
                    escape(label),
                )
            )
        width = len(series) * (bar + gap)
        return Markup(
            '<svg xmlns="http://www.w3.org/2000/svg" role="img" class="o_vip_income_trend" '
            'width="%s" height="%s" viewBox="0 0 %s %s" fill="currentColor">%s</svg>'
        ) % (width, height, width, height, Markup("").join(parts))

    def action_open_income_trend(self):
        """The client's income by month and product line, over the last 24 months."""
        action = self.action_open_income()
        start = fields.Date.context_today(self).replace(day=1) - relativedelta(months=23)
        action["domain"] = [("dossier_id", "=", self.id), ("date", ">=", start)]
        action["context"] = {"default_dossier_id": self.id, "graph_mode": "line", "graph_groupbys": ["date:month"]}
        return action

    def action_export_xlsx(self):
        """The dossier as a workbook: downloaded at once, or prepared in the background when it is big."""
        self.check_access("read")
        operations = 0
        if self.env["vip.operation"].has_access("read"):
            operations = self.env["vip.operation"].search_count([("dossier_id", "in", self.ids)])
        limit = int(self.env["ir.config_parameter"].sudo().get_param("vip_analytics.sync_export_rows", 20000))
        if operations <= limit:
            return self.env.ref("vip_analytics.action_report_dossier_xlsx").report_action(self)
        export = self.env["vip.export"]._start(
            {
                "name": self.env["vip.export"]._workbook_name("dossier", self),
                "kind": "dossier",
                "dossier_ids": [fields.Command.set(self.ids)],
            }
        )
        return export._action_started()
