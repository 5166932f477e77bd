# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import VipAnalyticsCase


@tagged("post_install", "-at_install")
class TestVipOverview(VipAnalyticsCase):
    def test_overview_figures(self):
        Overview = self.env["vip.overview"].with_user(self.supervisor)
        # the supervisor's today, which the overview counts from (not the test user's: near midnight
        # UTC they differ)
        today = fields.Date.context_today(Overview)
        self.env["vip.key.date"].create(
            {
                "dossier_id": self.dossier.id,
                "type_id": self.env.ref("vip_calendar.key_date_type_custom").id,
                "name": "Opening of the new office",
                "base_date": today + timedelta(days=2),
                "yearly": False,
            }
        )
        self.dossier.activity_schedule(
            "mail.mail_activity_data_todo", date_deadline=today - timedelta(days=3), user_id=self.manager.id
        )
        self.env["vip.access.log"].create({"user_id": self.supervisor.id, "dossier_id": self.dossier.id})
        overview = Overview.get_overview()

        clients = overview["clients"]
        managers = {row["name"]: row for row in clients["managers"]}
        gold = [tier["name"] for tier in clients["tiers"]].index("Gold")
        self.assertEqual(managers["Manager One"]["cells"][gold], 1)
        self.assertEqual(managers["Manager One"]["total"], 1)
        self.assertEqual(clients["total"], sum(clients["tier_totals"]))

        income = overview["income"]
        self.assertEqual(len(income["months"]), today.month)
        booked = sum(self.env["vip.income"].search([("date", "=", self.this_month)]).mapped("amount"))
        self.assertAlmostEqual(
            income["months"][-1]["this_year"], booked, places=2
        )  # both test clients (and any demo data)
        self.assertGreaterEqual(booked, 3500)

        key_dates = [item["name"] for item in overview["key_dates"]["items"]]
        self.assertIn("Opening of the new office: Петров Иван Сергеевич", key_dates)

        overdue = {row["name"]: row for row in overview["overdue"]["managers"]}
        self.assertEqual((overdue["Manager One"]["count"], overdue["Manager One"]["days"]), (1, 3))

        incomplete = overview["incomplete"]
        self.assertEqual(incomplete["count"], self.env["vip.dossier"].search_count([("is_incomplete", "=", True)]))
        lowest = self.env["vip.dossier"].search([("is_incomplete", "=", True)], order="completeness, name", limit=10)
        self.assertEqual([item["name"] for item in incomplete["items"]], lowest.mapped("name"))
        self.assertIn(self.other_dossier, lowest, "a dossier with a name only is among the least complete")
        self.assertEqual(overview["accesses"][0]["client"], "Петров Иван Сергеевич")

    def test_overview_is_for_top_management(self):
        for user in (self.manager, self.employee, self.emergency):
            with self.assertRaises(AccessError):
                self.env["vip.overview"].with_user(user).get_overview()

    def test_a_branch_head_sees_the_branch_only(self):
        """The overview, the overdue tasks and the ranking of a branch head cover the branch's clients and
        managers only; top management still sees both."""
        head = new_test_user(self.env, "vip_t_head", groups="vip_security.group_vip_branch_head")
        branch = self.env["vip.branch"].create({"name": "Tverskaya", "head_user_ids": [Command.link(head.id)]})
        self.manager.vip_branch_id = branch
        self.dossier.branch_id = branch
        today = fields.Date.context_today(self.env["vip.overview"].with_user(head))
        for dossier, user in ((self.dossier, self.manager), (self.other_dossier, self.manager2)):
            dossier.activity_schedule(
                "mail.mail_activity_data_todo", date_deadline=today - timedelta(days=2), user_id=user.id
            )
        self.env["vip.access.log"].create({"user_id": self.supervisor.id, "dossier_id": self.other_dossier.id})
        self.env.flush_all()
        overview = self.env["vip.overview"].with_user(head).get_overview()
        self.assertEqual([row["name"] for row in overview["clients"]["managers"]], ["Manager One"])
        self.assertEqual([row["name"] for row in overview["overdue"]["managers"]], ["Manager One"])
        self.assertNotIn("Other Client", [item["name"] for item in overview["incomplete"]["items"]])
        self.assertNotIn("Other Client", [access["client"] for access in overview["accesses"]])
        ranking = self.env["vip.manager.portfolio"].with_user(head).search([])
        self.assertEqual(ranking.user_id, self.manager)
        # round 18: a manager with clients in two branches — the head reads the branch's part only,
        # ranked among the branch's managers; and nothing once they no longer head it
        self.other_dossier.user_id = self.manager
        self.env.flush_all()
        row = self.env["vip.manager.portfolio"].with_user(head).search([])
        self.assertEqual((row.user_id, row.branch_id, row.client_count, row.rank), (self.manager, branch, 1, 1))
        everyone = (
            self.env["vip.manager.portfolio"].with_user(self.supervisor).search([("user_id", "=", self.manager.id)])
        )
        self.assertEqual(sum(everyone.mapped("client_count")), 2)
        branch.head_user_ids = [Command.unlink(head.id)]
        self.env.flush_all()
        self.assertFalse(self.env["vip.manager.portfolio"].with_user(head).search([]))
        everyone = self.env["vip.overview"].with_user(self.supervisor).get_overview()
        self.assertEqual(
            {row["name"] for row in everyone["overdue"]["managers"]} & {"Manager One", "Manager Two"},
            {"Manager One", "Manager Two"},
        )
