# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests.common import TransactionCase, tagged

# (holiday, year) → the date, checked against the calendar
EXPECTED = [
    ("bankers_day", 2026, date(2026, 12, 2)),
    ("teachers_day", 2026, date(2026, 10, 5)),
    ("builders_day", 2026, date(2026, 8, 9)),  # second Sunday of August
    ("builders_day", 2027, date(2027, 8, 8)),
    ("metallurgists_day", 2026, date(2026, 7, 19)),  # third Sunday of July
    ("miners_day", 2026, date(2026, 8, 30)),  # last Sunday of August
    ("miners_day", 2027, date(2027, 8, 29)),
    ("trade_workers_day", 2026, date(2026, 7, 25)),  # fourth Saturday of July
    ("oil_gas_day", 2026, date(2026, 9, 6)),  # first Sunday of September
    ("medical_workers_day", 2026, date(2026, 6, 21)),  # third Sunday of June
    ("chemists_day", 2026, date(2026, 5, 31)),  # last Sunday of May
    ("programmers_day", 2026, date(2026, 9, 13)),  # 256th day
    ("programmers_day", 2028, date(2028, 9, 12)),  # 256th day of a leap year
    ("power_engineers_day", 2026, date(2026, 12, 22)),
]


@tagged("post_install", "-at_install")
class TestVipProfessionalHoliday(TransactionCase):
    def test_catalog_is_large_enough(self):
        self.assertGreaterEqual(self.env["vip.professional.holiday"].search_count([]), 25)

    def test_rules_give_the_right_dates(self):
        for xmlid, year, expected in EXPECTED:
            with self.subTest(holiday=xmlid, year=year):
                holiday = self.env.ref(f"vip_calendar.holiday_{xmlid}")
                self.assertEqual(holiday._date_in_year(year), expected)

    def test_next_occurrence_rolls_over(self):
        banker = self.env.ref("vip_calendar.holiday_bankers_day")
        self.assertEqual(banker._next_occurrence(date(2026, 12, 2)), date(2026, 12, 2))
        self.assertEqual(banker._next_occurrence(date(2026, 12, 3)), date(2027, 12, 2))

    def test_linked_to_industries(self):
        banker = self.env.ref("vip_calendar.holiday_bankers_day")
        self.assertIn(self.env.ref("base.res_partner_industry_K"), banker.industry_ids)

    def test_bad_rules_rejected(self):
        Holiday = self.env["vip.professional.holiday"]
        with self.assertRaises(ValidationError):
            Holiday.create({"name": "Bad", "rule": "fixed", "month": "2", "day": 30})
        with self.assertRaises(ValidationError):
            Holiday.create({"name": "Bad", "rule": "nth_weekday", "month": "3", "weekday": "6", "week": 5})
        with self.assertRaises(ValidationError):
            Holiday.create({"name": "Bad", "rule": "last_weekday", "month": "3"})
