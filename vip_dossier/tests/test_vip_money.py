# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tests.common import tagged
from odoo.tools import mute_logger

from .common import VipCase


@tagged("post_install", "-at_install")
class TestVipMoney(VipCase):
    def _operation(self, **vals):
        return self.env["vip.operation"].create(
            {
                "dossier_id": self.dossier.id,
                "date": date(2026, 1, 15),
                "operation_type": "deposit",
                "amount": 100.0,
                **vals,
            }
        )

    def test_operation_in_company_currency(self):
        operation = self._operation(amount=1500.0)
        self.assertEqual(operation.amount_company, 1500.0)
        self.assertEqual(self.dossier.operation_count, 1)

    def test_operation_in_foreign_currency_converted(self):
        foreign = self.foreign_currency(2, date(2026, 1, 1))
        operation = self._operation(amount=100.0, currency_id=foreign.id)
        self.assertAlmostEqual(operation.amount_company, 200.0)

    def test_negative_or_zero_amount_rejected(self):
        operation = self._operation()
        for amount in (-10.0, 0.0):
            with self.subTest(amount=amount):
                with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
                    self._operation(amount=amount)
                with self.assertRaisesMessage(ValidationError, "must be positive"):
                    operation.amount = amount

    def test_duplicate_external_reference_rejected(self):
        self._operation(source="cbs", external_ref="OP-1")
        self._operation(source="cards", external_ref="OP-1")  # other source: fine
        self._operation()  # no reference: fine, twice
        self._operation()
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self._operation(source="cbs", external_ref="OP-1")

    @freeze_time("2026-05-20")
    def test_income_totals(self):
        Income = self.env["vip.income"]
        for day, amount in (
            (date(2025, 5, 1), 1000.0),  # more than 12 months ago
            (date(2025, 6, 1), 200.0),
            (date(2025, 12, 1), 300.0),
            (date(2026, 1, 1), 50.0),
            (date(2026, 5, 1), 25.0),
        ):
            Income.create({"dossier_id": self.dossier.id, "date": day, "product_line": "fees", "amount": amount})
        Income.create({"dossier_id": self.dossier.id, "date": date(2026, 3, 1), "product_line": "fx", "amount": -5.0})
        self.assertEqual(self.dossier.income_12m, 570.0)
        self.assertEqual(self.dossier.income_ytd, 70.0)
        line = Income.search([("dossier_id", "=", self.dossier.id)], limit=1)
        self.assertEqual(line.user_id, self.manager)
        self.assertEqual(line.tier_id, self.tier)
        self.dossier.user_id = self.manager2
        self.assertEqual(line.user_id, self.manager, "income stays with the manager who earned it")

    def test_income_keeps_the_manager_who_earned_it(self):
        """Income is earned by the client's manager at the time: a new manager does not take it over."""
        Income = self.env["vip.income"]
        vals = {"dossier_id": self.dossier.id, "date": date(2026, 1, 1), "product_line": "fees", "amount": 10}
        earned = Income.create(vals)
        self.assertEqual(earned.user_id, self.manager)
        self.dossier.user_id = self.manager2
        self.env.flush_all()
        self.env.invalidate_all()
        self.assertEqual(earned.user_id, self.manager, "the old income stays with who earned it")
        later = Income.create(vals)
        self.assertEqual(later.user_id, self.manager2, "new income is the new manager's")
        self.assertEqual(earned.copy().user_id, self.manager2, "a copy is booked now, for the manager now")
        self.assertEqual(Income.search([("id", "in", (earned | later).ids), ("user_id", "=", self.manager.id)]), earned)
        # nobody attributes income by hand: not the new manager to themselves, not at creation
        mine = earned.with_user(self.manager2)
        with self.assertRaises(AccessError):
            mine.write({"user_id": self.manager2.id})
        with self.assertRaises(AccessError):
            Income.with_user(self.manager2).create(dict(vals, user_id=self.manager.id))
        self.assertEqual(
            Income.with_user(self.manager2).create(dict(vals, user_id=self.manager2.id)).user_id, self.manager2
        )
        mine.write({"description": "Other fields stay editable", "user_id": self.manager.id})
        self.assertEqual(earned.user_id, self.manager)

    @freeze_time("2026-05-20")
    def test_income_in_future_month_rejected(self):
        self.env["vip.income"].create(
            {"dossier_id": self.dossier.id, "date": date(2026, 5, 31), "product_line": "fees", "amount": 1}
        )
        with self.assertRaisesMessage(ValidationError, "future month"):
            self.env["vip.income"].create(
                {"dossier_id": self.dossier.id, "date": date(2026, 6, 1), "product_line": "fees", "amount": 1}
            )

    def test_duplicate_income_reference_rejected(self):
        vals = {
            "dossier_id": self.dossier.id,
            "date": date(2026, 1, 1),
            "product_line": "fees",
            "amount": 1,
            "source": "cbs",
            "external_ref": "I-1",
        }
        self.env["vip.income"].create(vals)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env["vip.income"].create(vals)
