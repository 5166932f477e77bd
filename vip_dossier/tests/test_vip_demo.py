# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.tests.common import TransactionCase, tagged


def next_anniversary(day, today):
    """Next yearly occurrence of ``day`` on or after ``today`` (29 Feb → 28 Feb)."""
    for year in (today.year, today.year + 1):
        try:
            candidate = day.replace(year=year)
        except ValueError:
            candidate = day.replace(year=year, day=28)
        if candidate >= today:
            return candidate
    raise AssertionError("unreachable")


@tagged("post_install", "-at_install")
class TestVipDemo(TransactionCase):
    """The demo tells a story whatever day it is created."""

    def _generate(self):
        self.env["vip.demo"]._generate(seed=7)
        return self.env["vip.dossier"].search([("client_ref", "like", "VIP-%")], order="id desc", limit=30)

    @freeze_time("2027-02-20")
    def test_demo_story_around_29_february(self):
        self._check_story(date(2027, 2, 20))

    @freeze_time("2026-12-25")
    def test_demo_story_across_year_end(self):
        self._check_story(date(2026, 12, 25))

    def _check_story(self, today):
        # the demo of the installed module already used the VIP-xxxx refs: start clean
        self.env["vip.dossier"].search([("client_ref", "like", "VIP-%")]).unlink()
        dossiers = self._generate()
        self.assertEqual(len(dossiers), 30)
        managers = dossiers.mapped("user_id")
        self.assertEqual(len(managers), 2)
        for manager in managers:
            mine = dossiers.filtered(lambda d, m=manager: d.user_id == m)
            self.assertEqual(len(mine), 15)
            self.assertTrue(mine.filtered("deputy_id"), "each manager has clients with a deputy")
            self.assertTrue(all(d.deputy_id != d.user_id for d in mine))
        horizon = today + relativedelta(days=14)
        client_birthdays = dossiers.filtered(lambda d: next_anniversary(d.birth_date, today) <= horizon)
        family_birthdays = dossiers.relative_ids.filtered(
            lambda r: r.birth_date and next_anniversary(r.birth_date, today) <= horizon
        )
        self.assertGreaterEqual(len(client_birthdays), 5)
        self.assertGreaterEqual(len(family_birthdays), 5)
        anniversaries = dossiers.employer_id.filtered(
            lambda e: e.founding_date and next_anniversary(e.founding_date, today) <= horizon
        )
        self.assertTrue(anniversaries, "an employer anniversary falls in the coming two weeks")
        self.assertGreaterEqual(len(dossiers.employer_id.industry_id), 5)
        self.assertTrue(all(dossiers.mapped("relative_ids")))
        self.assertTrue(dossiers.trusted_person_ids)
        self.assertTrue(all(d.income_12m > 0 for d in dossiers))
        self.assertGreaterEqual(len(dossiers.operation_ids), 30 * 12 * 3)
        self.assertTrue(dossiers.interaction_ids)
        self.assertTrue(dossiers.filtered("is_incomplete"), "some dossiers are left incomplete on purpose")
        self.assertTrue(dossiers.filtered(lambda d: d.consent_state == "withdrawn"))
