# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL


class VipManagerPortfolio(models.Model):
    """The managers' portfolios side by side, ranked by the income of the last twelve months.

    For top management. Income counts for the client's current manager, over
    the same windows as the dossier's figures: the last twelve months, the
    twelve before, this year to date and last year to the same day.
    """

    _name = "vip.manager.portfolio"
    _description = "VIP Manager Portfolio"
    _auto = False
    _order = "company_id, rank, user_id"
    _rec_name = "user_id"

    rank = fields.Integer(readonly=True)
    user_id = fields.Many2one("res.users", string="Manager", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    client_count = fields.Integer(string="Clients", readonly=True)
    avg_completeness = fields.Float(string="Average Completeness", readonly=True, aggregator="avg")
    income_12m = fields.Monetary(string="Income, 12 Months", readonly=True)
    income_prev_12m = fields.Monetary(string="Income, Previous 12 Months", readonly=True)
    income_yoy = fields.Float(string="Year over Year", readonly=True, aggregator=None)
    income_ytd = fields.Monetary(string="Income, Year to Date", readonly=True)
    income_last_ytd = fields.Monetary(string="Income, Last Year to Date", readonly=True)
    income_per_client = fields.Monetary(string="Income per Client, 12 Months", readonly=True, aggregator="avg")

    @property
    def _table_query(self):
        return SQL(
            """
            WITH clients AS (
                SELECT user_id, company_id, count(*) AS client_count, avg(completeness) AS avg_completeness
                  FROM vip_dossier
                 WHERE active AND user_id IS NOT NULL
                 GROUP BY user_id, company_id
            ), income AS (
                SELECT d.user_id, d.company_id,
                       sum(i.amount) FILTER (WHERE i.date >= CURRENT_DATE - interval '12 months' + interval '1 day')
                           AS income_12m,
                       sum(i.amount) FILTER (WHERE i.date < CURRENT_DATE - interval '12 months' + interval '1 day')
                           AS income_prev_12m,
                       sum(i.amount) FILTER (WHERE i.date >= date_trunc('year', CURRENT_DATE)) AS income_ytd,
                       sum(i.amount) FILTER (WHERE i.date >= date_trunc('year', CURRENT_DATE) - interval '1 year'
                                               AND i.date <= CURRENT_DATE - interval '1 year') AS income_last_ytd
                  FROM vip_income i
                  JOIN vip_dossier d ON d.id = i.dossier_id
                 WHERE d.active AND d.user_id IS NOT NULL
                   AND i.date >= CURRENT_DATE - interval '24 months' + interval '1 day'
                   AND i.date <= CURRENT_DATE
                 GROUP BY d.user_id, d.company_id
            )
            SELECT row_number() OVER (ORDER BY c.company_id, c.user_id) AS id,
                   rank() OVER (PARTITION BY c.company_id ORDER BY coalesce(i.income_12m, 0) DESC) AS rank,
                   c.user_id, c.company_id, company.currency_id,
                   c.client_count, c.avg_completeness,
                   coalesce(i.income_12m, 0) AS income_12m,
                   coalesce(i.income_prev_12m, 0) AS income_prev_12m,
                   CASE WHEN coalesce(i.income_prev_12m, 0) = 0 THEN NULL
                        ELSE (coalesce(i.income_12m, 0) - i.income_prev_12m) / abs(i.income_prev_12m) END
                       AS income_yoy,
                   coalesce(i.income_ytd, 0) AS income_ytd,
                   coalesce(i.income_last_ytd, 0) AS income_last_ytd,
                   coalesce(i.income_12m, 0) / c.client_count AS income_per_client
              FROM clients c
              JOIN res_company company ON company.id = c.company_id
              LEFT JOIN income i ON i.user_id = c.user_id AND i.company_id = c.company_id
            """
        )

    def action_open_clients(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("vip_dossier.vip_dossier_action")
        action["domain"] = [("user_id", "=", self.user_id.id), ("company_id", "=", self.company_id.id)]
        action["context"] = {}
        return action

    def action_export_portfolio(self):
        self.ensure_one()
        dossiers = self.env["vip.dossier"].search(
            [("user_id", "=", self.user_id.id), ("company_id", "=", self.company_id.id)]
        )
        return self.env.ref("vip_analytics.action_report_portfolio_xlsx").report_action(dossiers)
