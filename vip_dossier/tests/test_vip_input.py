# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests.common import tagged

from .common import RefusalAssertions, VipCase

BAD_DATES = ("2026-02-30", "2026-04-31", "not a date", "0000-01-01")
# as Python reads them from JSON (NaN, Infinity; 1e400 overflows to infinity), and as text
NOT_NUMBERS = (float("nan"), "NaN", "a lot")
OUT_OF_RANGE = (float("inf"), float("-inf"), float("1e400"), "Infinity", "-Infinity", 1e12, -1e15, 1e300)
MEGABYTE = "Я" * 1_000_000


@tagged("post_install", "-at_install")
class TestVipInput(RefusalAssertions, VipCase):
    """Hostile values over JSON-RPC get a clear ValidationError and save nothing.

    Not a bare ValueError from the ORM, nor a database error: ``assertRaises(ValidationError)``
    lets either of them through, and the test fails.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._make_client_lines()
        cls.trusted = cls.env["vip.trusted.person"].create(
            {"dossier_id": cls.dossier.id, "name": "Юрист", "scope": "Всё", "valid_from": date(2025, 1, 1)}
        )
        cls.preference = cls.env["vip.preference"].create(
            {"dossier_id": cls.dossier.id, "category_id": cls.gifts.id, "value": "Чай"}
        )

    def test_malformed_dates_refused(self):
        date_fields = {
            self.dossier: ("birth_date", "client_since", "consent_date", "consent_withdrawn_date"),
            self.relative: ("birth_date", "consent_date", "contact_consent_date"),
            self.trusted: ("valid_from", "valid_to"),
            self.preference: ("date_noted",),
            self.interaction: ("next_step_date",),
            self.operation: ("date",),
            self.income: ("date",),
        }
        for record, names in date_fields.items():
            for name in names:
                label = record._fields[name].string
                for value in BAD_DATES:
                    self.assertRefused(
                        record, name, value, f'^{label}: "{value}" is not a date; write it as YYYY-MM-DD'
                    )

    def test_malformed_date_and_time_refused(self):
        for value in ("2026-02-30 10:00:00", "not a date", "0000-01-01 00:00:00"):
            self.assertRefused(self.interaction, "date", value, f'^Date: "{value}" is not a date and time')

    def test_valid_date_strings_still_accepted(self):
        self.dossier.write({"birth_date": "1970-02-28", "client_since": "2024-02-29"})
        self.assertEqual((self.dossier.birth_date, self.dossier.client_since), (date(1970, 2, 28), date(2024, 2, 29)))

    def test_nul_character_refused(self):
        for record, name in (
            (self.dossier, "last_name"),
            (self.dossier, "first_name"),
            (self.dossier, "client_ref"),
            (self.interaction, "outcome"),  # text
            (self.dossier, "phone"),  # kept on the contact card
            (self.relative, "patronymic"),
            (self.relative, "notes"),
            (self.trusted, "scope"),
            (self.preference, "value"),
            (self.interaction, "subject"),
            (self.operation, "description"),
            (self.income, "external_ref"),
        ):
            label = record._fields[name].string
            self.assertRefused(record, name, "Иван\x00ов", rf"^{label} contains a NUL character \(\\x00\)")

    def test_names_too_long_refused(self):
        for record, name in (
            (self.dossier, "last_name"),
            (self.dossier, "first_name"),
            (self.dossier, "patronymic"),
            (self.dossier, "name"),
            (self.relative, "last_name"),
            (self.relative, "name"),
            (self.trusted, "name"),
        ):
            label = record._fields[name].string
            self.assertRefused(record, name, MEGABYTE, f"^{label} is too long: 1000000 characters, at most 256")
            self.assertRefused(record, name, "Я" * 257, "is too long: 257 characters, at most 256")
        # the parts fit one by one, but not together in the full name (which would be cut short)
        self.assertRefused(self.dossier, "first_name", "Я" * 250, "are too long together: 2.. characters, at most 256")
        self.dossier.first_name = "Я" * (256 - len("Петров  Сергеевич"))
        self.assertEqual(len(self.dossier.name), 256)

    def test_identifiers_too_long_refused(self):
        self.assertRefused(self.dossier, "client_ref", "T" * 65, "^Client ID is too long: 65 characters, at most 64")
        self.assertRefused(self.operation, "external_ref", MEGABYTE, "^External Reference is too long")
        self.assertRefused(self.income, "external_ref", MEGABYTE, "^External Reference is too long")
        self.assertRefused(self.operation, "source", "s" * 65, "^Source is too long")
        self.assertRefused(self.tier, "name", MEGABYTE, "^Name is too long")

    def test_amounts_not_finite_or_absurd_refused(self):
        for record in (self.operation, self.income):
            for value in NOT_NUMBERS:
                self.assertRefused(record, "amount", value, f'^Amount must be a number, not "{value}"')
            for value in OUT_OF_RANGE:
                self.assertRefused(
                    record,
                    "amount",
                    value,
                    r"^Amount is out of range \(.*\): it must be less than 1,000,000,000,000 ",
                )
        # big, but still money
        self.operation.amount = 999_999_999_999.99
        self.income.amount = -999_999_999_999.99
        self.assertEqual((self.operation.amount_company, self.income.amount), (999_999_999_999.99, -999_999_999_999.99))

    def test_converted_amount_absurd_refused(self):
        """An amount fine in its currency but absurd once converted is refused as well."""
        foreign = self.foreign_currency(10_000, date(2025, 1, 1))
        count = self.env["vip.operation"].search_count([])
        with self.assertRaisesMessage(ValidationError, r"^Amount \(Company Currency\) is out of range"):
            self.env["vip.operation"].create(
                {**self._valid_vals("vip.operation"), "amount": 200_000_000_000.0, "currency_id": foreign.id}
            )
        self.assertEqual(self.env["vip.operation"].search_count([]), count)
        with self.assertRaisesMessage(ValidationError, r"^Amount \(Company Currency\) is out of range"):
            self.operation.write({"amount": 200_000_000_000.0, "currency_id": foreign.id})
        self.env.invalidate_all()
        self.assertEqual((self.operation.amount, self.operation.amount_company), (5, 5))

    def test_other_values_the_database_would_refuse(self):
        self.assertRefused(self.dossier, "state", "bogus", '^Status: "bogus" is not one of the allowed values')
        self.assertRefused(self.dossier, "contact_hour_from", float("nan"), "^Call From must be a number")
        self.assertRefused(self.tier, "sequence", 2**40, r"^Sequence is out of range \(1099511627776\)")
        # a link given as text: the ORM would silently clear it
        self.assertRefused(self.dossier, "tier_id", "abc", '^Tier: "abc" is not a record')
        # free text that no form fills with a megabyte (found by the attack on the demo)
        self.assertRefused(self.dossier, "job_title", "x" * 1_000_000, "^Position is too long")
        self.assertRefused(self.interaction, "subject", "x" * 1_000_000, "^Subject is too long")

    def test_error_messages_are_translated(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.env["ir.module.module"]._load_module_terms(["vip_dossier"], ["ru_RU"], overwrite=True)
        russian = self.dossier.with_context(lang="ru_RU")
        with self.assertRaisesMessage(ValidationError, "не является датой"):
            russian.write({"birth_date": "2026-02-30"})
        with self.assertRaisesMessage(ValidationError, "слишком длинн"):
            russian.write({"last_name": MEGABYTE})
        with self.assertRaisesMessage(ValidationError, "вне допустимого диапазона"):
            self.income.with_context(lang="ru_RU").write({"amount": float("inf")})
