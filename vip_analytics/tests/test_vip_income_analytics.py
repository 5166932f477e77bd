# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta
from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import VipAnalyticsCase


@tagged("post_install", "-at_install")
class TestVipIncomeAnalytics(VipAnalyticsCase):
    def test_dossier_twelve_month_trend_and_year_over_year(self):
        dossier = self.dossier.with_user(self.manager)
        self.assertEqual((dossier.income_12m, dossier.income_prev_12m), (3000, 1000))
        self.assertAlmostEqual(dossier.income_yoy, 2.0)
        # twelve bars, the current month last and full height, each with its amount
        svg = str(dossier.income_trend)
        self.assertEqual(svg.count("<rect"), 12)
        self.assertIn(f"{self.this_month.strftime('%m.%Y')}:", svg.rsplit("<rect", 1)[1])
        self.assertIn('height="48"', svg.rsplit("<rect", 1)[1])
        # no base a year ago: no change to show, rather than an infinite one
        other = self.other_dossier.with_user(self.manager2)
        self.assertEqual((other.income_12m, other.income_prev_12m, other.income_yoy), (500, 0, 0))

    def test_no_year_over_year_without_last_years_income(self):
        """ "0 %" would say the income stood still: with nothing the year before, there is no figure."""
        for model, xpath in (
            ("vip.dossier", "//page[@name='income']//field[@name='income_yoy']"),
            ("vip.manager.portfolio", "//list//field[@name='income_yoy']"),
        ):
            view = "form" if model == "vip.dossier" else "list"
            arch = self.env[model].get_views([(False, view)])["views"][view]["arch"]
            [node] = etree.fromstring(arch).xpath(xpath)
            self.assertEqual(node.get("invisible"), "not income_prev_12m", model)

    def test_income_figures_are_money(self):
        self.grant_emergency(self.dossier)
        dossier = self.dossier.with_user(self.emergency)
        self.assertEqual(dossier.name, "Петров Иван Сергеевич")
        for fname in ("income_prev_12m", "income_yoy", "income_trend"):
            with self.assertRaises(AccessError):
                dossier.read([fname])

    def test_trend_opens_the_income_by_month(self):
        action = self.dossier.with_user(self.manager).action_open_income_trend()
        self.assertEqual(action["res_model"], "vip.income")
        self.assertIn(("dossier_id", "=", self.dossier.id), action["domain"])
        self.assertEqual(action["context"]["graph_groupbys"], ["date:month"])

    def test_portfolio_ranking_for_supervisors(self):
        Ranking = self.env["vip.manager.portfolio"].with_user(self.supervisor)
        rows = {row.user_id: row for row in Ranking.search([("user_id", "in", (self.manager | self.manager2).ids)])}
        mine, other = rows[self.manager], rows[self.manager2]
        self.assertEqual((mine.client_count, mine.income_12m, mine.income_prev_12m), (1, 3000, 1000))
        self.assertAlmostEqual(mine.income_yoy, 2.0)
        self.assertEqual((other.client_count, other.income_12m, other.income_yoy), (1, 500, 0))
        self.assertLess(mine.rank, other.rank)
        self.assertEqual(mine.income_per_client, 3000)
        # this year to date against the same days of last year
        last_year = self.this_month - relativedelta(years=1)
        self.env["vip.income"].create(
            {"dossier_id": self.dossier.id, "date": last_year, "product_line": "fx", "amount": 250}
        )
        self.env.flush_all()
        self.env.invalidate_all()
        mine = Ranking.search([("user_id", "=", self.manager.id)])
        older = self.this_month - relativedelta(months=13)  # the 1000 booked then counts when it is this year - 1
        expected = 250 + (1000 if older >= self.this_month.replace(month=1) - relativedelta(years=1) else 0)
        self.assertEqual((mine.income_ytd, mine.income_last_ytd), (3000, expected))
        # managers do not see each other's figures
        with self.assertRaises(AccessError):
            self.env["vip.manager.portfolio"].with_user(self.manager).search([])

    def test_portfolio_ranks_income_by_who_earned_it(self):
        """A client handed over takes no income history along: the ranking counts income for the manager
        who earned it, also one left with no client, and the new manager's current clients."""
        self.dossier.user_id = self.manager2  # as the handover writes it
        self.env["vip.income"].create(
            {"dossier_id": self.dossier.id, "date": self.this_month, "product_line": "fx", "amount": 40}
        )
        self.env.flush_all()
        self.env.invalidate_all()
        Ranking = self.env["vip.manager.portfolio"].with_user(self.supervisor)
        rows = {row.user_id: row for row in Ranking.search([("user_id", "in", (self.manager | self.manager2).ids)])}
        old, new = rows[self.manager], rows[self.manager2]
        self.assertEqual((old.client_count, old.income_12m, old.income_prev_12m), (0, 3000, 1000))
        self.assertEqual(old.income_per_client, 3000, "per client it was earned with")
        self.assertEqual((new.client_count, new.income_12m), (2, 540))
        self.assertEqual(new.income_per_client, 270)
        self.assertLess(old.rank, new.rank)
        labels = {name: field.string for name, field in Ranking._fields.items()}
        self.assertEqual((labels["income_12m"], labels["client_count"]), ("Earned, 12 Months", "Current Clients"))
        self.env["res.lang"]._activate_lang("ru_RU")
        self.env["ir.module.module"]._load_module_terms(["vip_analytics"], ["ru_RU"], overwrite=True)
        russian = Ranking.with_context(lang="ru_RU").fields_get(["income_12m", "client_count"], ["string"])
        self.assertEqual(russian["income_12m"]["string"], "Заработано за 12 месяцев")
        self.assertEqual(russian["client_count"]["string"], "Клиентов сейчас")

    def test_portfolio_export_from_the_ranking(self):
        row = self.env["vip.manager.portfolio"].with_user(self.supervisor).search([("user_id", "=", self.manager.id)])
        action = row.action_export_portfolio()
        self.assertEqual(action["report_name"], "vip_analytics.portfolio_xlsx")
        self.assertEqual(action["context"]["active_ids"], self.dossier.ids)
        self.assertEqual(row.action_open_clients()["domain"][0], ("user_id", "=", self.manager.id))
