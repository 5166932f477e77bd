# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools
from odoo.tools import SQL


class VipGiftRecipientYear(models.Model):
    """The gifts each person received from the bank in a calendar year, against the tax-free total.

    One row per recipient (the client, or one relative) and year, over the gifts given: the
    total above the company's tax-free total (Tax Code art. 217 p. 28, 4,000 ₽) is the
    person's income that the bank, as tax agent, reports.
    """

    _name = "vip.gift.recipient.year"
    _description = "VIP Gifts per Recipient and Year"
    _inherit = ["vip.access.logged.mixin"]
    _auto = False
    _order = "year desc, excess_amount desc, recipient_name"
    _rec_name = "recipient_name"
    # what the view reads: flushed before it is searched
    _depends = {
        "vip.gift": ["dossier_id", "relative_id", "recipient_name", "year", "company_id", "amount", "state"],
        "res.company": ["vip_gift_tax_free_limit"],
    }

    dossier_id = fields.Many2one("vip.dossier", string="Client", readonly=True)
    relative_id = fields.Many2one("vip.relative", readonly=True)
    recipient_name = fields.Char(string="Recipient", readonly=True)
    year = fields.Integer(readonly=True, aggregator=False)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id", string="Currency")
    user_id = fields.Many2one(related="dossier_id.user_id", string="Manager")
    gift_count = fields.Integer(string="Gifts", readonly=True)
    total_amount = fields.Monetary(string="Total Given", readonly=True, currency_field="currency_id")
    tax_free_limit = fields.Monetary(string="Tax-Free Total", readonly=True, currency_field="currency_id")
    excess_amount = fields.Monetary(string="Taxable Excess", readonly=True, currency_field="currency_id")
    taxable = fields.Boolean(readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # a group's lowest gift id is its row's id: unique, and stable while the gift stays
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(view)s AS (
                    SELECT MIN(g.id) AS id,
                           g.dossier_id,
                           g.relative_id,
                           MIN(g.recipient_name) AS recipient_name,
                           g.year,
                           g.company_id,
                           COUNT(*) AS gift_count,
                           SUM(g.amount) AS total_amount,
                           c.vip_gift_tax_free_limit AS tax_free_limit,
                           GREATEST(SUM(g.amount) - c.vip_gift_tax_free_limit, 0) AS excess_amount,
                           SUM(g.amount) > c.vip_gift_tax_free_limit AS taxable
                      FROM vip_gift g
                      JOIN res_company c ON c.id = g.company_id
                     WHERE g.state = 'given'
                  GROUP BY g.dossier_id, g.relative_id, g.year, g.company_id, c.vip_gift_tax_free_limit
                )
                """,
                view=SQL.identifier(self._table),
            )
        )

    def action_export_xlsx(self):
        """The list as a workbook: the rows selected, or every taxable row the user reads."""
        rows = self or self.search([("taxable", "=", True)])
        return self.env.ref("vip_compliance.action_report_gift_taxable_xlsx").report_action(rows)
