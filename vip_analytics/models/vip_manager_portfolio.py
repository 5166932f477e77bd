# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL


class VipManagerPortfolio(models.Model):
    """The managers' portfolios side by side, ranked within their branch by the income they earned in the
    last twelve months.

    For top management, and for the head of a branch: a row is a manager's work in one branch (the
    clients' branch), so that a branch head reads the figures of the branch's clients only and its
    managers' ranks among themselves. Income counts for the manager who earned it (``vip.income.user_id``, the
    client's manager when it was booked), not for the client's current manager: after a handover the
    new manager starts from the clients' next income, and the old one keeps what they earned, even
    with no client left. The clients counted are the manager's clients now. The windows are those of
    the dossier's figures: the last twelve months, the twelve before, this year to date and last year
    to the same day.
    """

    _name = "vip.manager.portfolio"
    _description = "VIP Manager Portfolio"
    _auto = False
    _order = "company_id, branch_id, rank, user_id"
    _rec_name = "user_id"

    rank = fields.Integer(readonly=True)
    user_id = fields.Many2one("res.users", string="Manager", readonly=True)
    branch_id = fields.Many2one("vip.branch", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    client_count = fields.Integer(string="Current Clients", readonly=True, help="The clients they manage now.")
    avg_completeness = fields.Float(string="Average Completeness", readonly=True, aggregator="avg")
    income_12m = fields.Monetary(
        string="Earned, 12 Months",
        readonly=True,
        help="Income the manager earned (booked while they managed the client) in the last twelve months, "
        "including clients handed over since.",
    )
    income_prev_12m = fields.Monetary(string="Earned, Previous 12 Months", readonly=True)
    income_yoy = fields.Float(string="Year over Year", readonly=True, aggregator=None)
    income_ytd = fields.Monetary(string="Earned, Year to Date", readonly=True)
    income_last_ytd = fields.Monetary(string="Earned, Last Year to Date", readonly=True)
    income_per_client = fields.Monetary(
        string="Earned per Client, 12 Months",
        readonly=True,
        aggregator="avg",
        help="Income earned in the last twelve months divided by the number of clients it was earned with.",
    )

    @property
    def _table_query(self):
        return SQL(
            """
            WITH clients AS (
                SELECT user_id, company_id, branch_id,
                       count(*) AS client_count, avg(completeness) AS avg_completeness
                  FROM vip_dossier
                 WHERE active AND user_id IS NOT NULL
                 GROUP BY user_id, company_id, branch_id
            ), income AS (
                -- by who earned it, not by the client's manager now
                SELECT i.user_id, i.company_id, d.branch_id,
                       sum(i.amount) FILTER (WHERE i.date >= CURRENT_DATE - interval '12 months' + interval '1 day')
                           AS income_12m,
                       count(DISTINCT i.dossier_id)
                           FILTER (WHERE i.date >= CURRENT_DATE - interval '12 months' + interval '1 day')
                           AS earning_clients,
                       sum(i.amount) FILTER (WHERE i.date < CURRENT_DATE - interval '12 months' + interval '1 day')
                           AS income_prev_12m,
                       sum(i.amount) FILTER (WHERE i.date >= date_trunc('year', CURRENT_DATE)) AS income_ytd,
                       sum(i.amount) FILTER (WHERE i.date >= date_trunc('year', CURRENT_DATE) - interval '1 year'
                                               AND i.date <= CURRENT_DATE - interval '1 year') AS income_last_ytd
                  FROM vip_income i
                  JOIN vip_dossier d ON d.id = i.dossier_id
                 WHERE d.active AND i.user_id IS NOT NULL
                   AND i.date >= CURRENT_DATE - interval '24 months' + interval '1 day'
                   AND i.date <= CURRENT_DATE
                 GROUP BY i.user_id, i.company_id, d.branch_id
            ), managers AS (
                SELECT coalesce(c.user_id, i.user_id) AS user_id, coalesce(c.company_id, i.company_id) AS company_id,
                       coalesce(c.branch_id, i.branch_id) AS branch_id,
                       coalesce(c.client_count, 0) AS client_count, c.avg_completeness,
                       coalesce(i.income_12m, 0) AS income_12m, i.earning_clients,
                       coalesce(i.income_prev_12m, 0) AS income_prev_12m,
                       coalesce(i.income_ytd, 0) AS income_ytd,
                       coalesce(i.income_last_ytd, 0) AS income_last_ytd
                  FROM clients c
                  FULL JOIN income i ON i.user_id = c.user_id AND i.company_id = c.company_id
                                    AND i.branch_id IS NOT DISTINCT FROM c.branch_id
            )
            SELECT row_number() OVER (ORDER BY m.company_id, m.user_id, m.branch_id) AS id,
                   rank() OVER (PARTITION BY m.company_id, m.branch_id ORDER BY m.income_12m DESC) AS rank,
                   m.user_id, m.company_id, m.branch_id, company.currency_id,
                   m.client_count, m.avg_completeness,
                   m.income_12m, m.income_prev_12m,
                   CASE WHEN m.income_prev_12m = 0 THEN NULL
                        ELSE (m.income_12m - m.income_prev_12m) / abs(m.income_prev_12m) END AS income_yoy,
                   m.income_ytd, m.income_last_ytd,
                   m.income_12m / nullif(m.earning_clients, 0) AS income_per_client
              FROM managers m
              JOIN res_company company ON company.id = m.company_id
            """
        )

    def action_open_clients(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("vip_dossier.vip_dossier_action")
        action["domain"] = [
            ("user_id", "=", self.user_id.id),
            ("company_id", "=", self.company_id.id),
            ("branch_id", "=", self.branch_id.id),
        ]
        action["context"] = {}
        return action

    def action_export_portfolio(self):
        self.ensure_one()
        dossiers = self.env["vip.dossier"].search(
            [
                ("user_id", "=", self.user_id.id),
                ("company_id", "=", self.company_id.id),
                ("branch_id", "=", self.branch_id.id),
            ]
        )
        return self.env.ref("vip_analytics.action_report_portfolio_xlsx").report_action(dossiers)
