# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import VipCalendarCase

BAD_DATES = ("2026-02-30", "2026-04-31", "not a date", "0000-01-01")


@tagged("post_install", "-at_install")
class TestVipKeyDateInput(VipCalendarCase):
    """The calendar's own fields get the dossier's clear errors on hostile values, and save nothing."""

    def test_malformed_dates_refused(self):
        key_date = self.occasion(self.dossier, "Юбилей компании", "2020-09-15")
        key_dates = self.KeyDate.search_count([])
        for value in BAD_DATES:
            with self.subTest(value=value):
                with self.assertRaisesMessage(ValidationError, f'^Wedding Date: "{value}" is not a date'):
                    self.dossier.write({"wedding_date": value})
                with self.assertRaisesMessage(ValidationError, f'^Date: "{value}" is not a date'):
                    key_date.write({"base_date": value})
                with self.assertRaisesMessage(ValidationError, f'^Date: "{value}" is not a date'):
                    self.occasion(self.dossier, "Годовщина", value)
        self.env.invalidate_all()
        self.assertFalse(self.dossier.wedding_date)
        self.assertEqual(str(key_date.base_date), "2020-09-15")
        self.assertEqual(self.KeyDate.search_count([]), key_dates)

    def test_values_the_database_would_refuse(self):
        with self.assertRaisesMessage(ValidationError, "^Code is too long"):
            self.birthday.write({"code": "x" * 100_000})
        with self.assertRaisesMessage(ValidationError, r"^Remind Days Ahead is out of range \(1099511627776\)"):
            self.birthday.write({"lead_days": 2**40})
        with self.assertRaisesMessage(ValidationError, "^Own Label contains a NUL character"):
            self.occasion(self.dossier, "Юбилей\x00", "2020-09-15")
        self.env.invalidate_all()
        self.assertEqual((self.birthday.code, self.birthday.lead_days), ("birthday", 7))
