# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from hypothesis import given
from hypothesis import strategies as st
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests.common import tagged
from odoo.tools import mute_logger

from .common import VipCase
from .fuzz import FUZZ, VipFuzzCase

# what a manager fills in, by model: every one of these fields gets hostile values
FUZZED_FIELDS = {
    "vip.dossier": (
        "last_name",
        "first_name",
        "patronymic",
        "client_ref",
        "state",
        "tier_id",
        "client_since",
        "birth_date",
        "consent_date",
        "consent_withdrawn_date",
        "consent_purpose",
        "phone",
        "mobile",
        "email",
        "preferred_channel",
        "contact_hour_from",
        "contact_hour_to",
        "job_title",
        "notes",
    ),
    "vip.relative": (
        "dossier_id",
        "relation_type_id",
        "last_name",
        "first_name",
        "patronymic",
        "birth_date",
        "phone",
        "email",
        "notes",
        "contact_consent",
        "contact_consent_date",
        "contact_consent_channel",
    ),
    "vip.interaction": ("dossier_id", "date", "channel", "subject", "outcome", "next_step", "next_step_date"),
    "vip.operation": (
        "dossier_id",
        "date",
        "operation_type",
        "direction",
        "amount",
        "currency_id",
        "product",
        "channel",
        "description",
        "source",
        "external_ref",
    ),
    "vip.income": ("dossier_id", "date", "product_line", "amount", "description", "source", "external_ref"),
}


@tagged("post_install", "-at_install")
class TestVipFuzz(VipFuzzCase):
    """Every model of the dossier gets the fuzz."""

    fuzzed_fields = FUZZED_FIELDS

    @FUZZ
    @given(data=st.data())
    def test_dossier(self, data):
        self.check_create("vip.dossier", data.draw(self.hostile_vals("vip.dossier"), "create"))
        self.check_write(self.dossier, data.draw(self.hostile_vals("vip.dossier"), "write"))

    @FUZZ
    @given(data=st.data())
    def test_relative(self, data):
        self.check_create("vip.relative", data.draw(self.hostile_vals("vip.relative"), "create"))
        self.check_write(self.relative, data.draw(self.hostile_vals("vip.relative"), "write"))

    @FUZZ
    @given(data=st.data())
    def test_interaction(self, data):
        self.check_create("vip.interaction", data.draw(self.hostile_vals("vip.interaction"), "create"))
        self.check_write(self.interaction, data.draw(self.hostile_vals("vip.interaction"), "write"))

    @FUZZ
    @given(data=st.data())
    def test_operation(self, data):
        self.check_create("vip.operation", data.draw(self.hostile_vals("vip.operation"), "create"))
        self.check_write(self.operation, data.draw(self.hostile_vals("vip.operation"), "write"))

    @FUZZ
    @given(data=st.data())
    def test_income(self, data):
        self.check_create("vip.income", data.draw(self.hostile_vals("vip.income"), "create"))
        self.check_write(self.income, data.draw(self.hostile_vals("vip.income"), "write"))

    @FUZZ
    @given(
        vals=st.fixed_dictionaries(
            {},
            optional={
                "birth_date": st.text(alphabet="0123456789-./ aZ", max_size=12),
                "contact_hour_from": st.sampled_from(("nan", "1e400", "abc", float("inf"), 2**70)),
                "last_name": st.sampled_from(("x" * 300, "a\x00b")),
                "state": st.text(alphabet="abcxyz", min_size=1, max_size=8),
            },
        ).filter(bool)
    )
    def test_refusals_in_russian(self, vals):
        """Read in Russian, a refusal is in Russian (the values are ASCII: any Cyrillic is the translation)."""
        dossier = self.dossier.with_context(lang="ru_RU")
        _result, error = self.attempt(lambda: dossier.with_user(self.manager).write(vals), f"write {vals!r:.200}")
        if error:
            self.assertTranslated(error, repr(vals)[:200])

    @classmethod
    def _load_russian(cls):
        cls.env["res.lang"]._activate_lang("ru_RU")
        cls.env["ir.module.module"]._load_module_terms(["vip_dossier"], ["ru_RU"], overwrite=True)

    def setUp(self):
        super().setUp()
        if self._testMethodName == "test_refusals_in_russian":
            self._load_russian()


@tagged("post_install", "-at_install")
class TestVipFuzzFindings(VipCase):
    """What the fuzz suite found, each pinned by its example: a raw error before, a clear one now."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.income = cls.env["vip.income"].create(
            {"dossier_id": cls.dossier.id, "date": date(2025, 1, 1), "product_line": "fees", "amount": 7}
        )

    def refused(self, call, pattern):
        with self.assertRaisesMessage(ValidationError, pattern):
            call()

    def test_the_issues_examples(self):
        """The cases issue #14 names: a raw ValueError, a PostgreSQL index error, a raw ValueError."""
        self.refused(
            lambda: self.dossier.write({"birth_date": "2026-02-30"}), '^Birth Date: "2026-02-30" is not a date'
        )
        self.refused(lambda: self.dossier.write({"last_name": "Я" * 1_000_000}), "^Last Name is too long")
        self.refused(lambda: self.dossier.write({"last_name": "Иван\x00ов"}), "^Last Name contains a NUL character")

    def test_text_of_another_type(self):
        # True broke the full name ('bool' object has no attribute 'strip'), a list was saved as "['a']"
        for value in (True, 1.0, ["a"], {"a": 1}):
            with self.subTest(value=value):
                self.refused(lambda v=value: self.dossier.write({"last_name": v}), "^Last Name must be text, not ")
                self.refused(lambda v=value: self.income.write({"external_ref": v}), "^External Reference must be text")

    def test_lone_surrogate(self):
        """JSON's "\\ud800" reads as a lone surrogate, which UTF-8 cannot encode (UnicodeEncodeError)."""
        self.refused(lambda: self.dossier.write({"last_name": "\ud800"}), "^Last Name contains an invalid character")
        self.refused(lambda: self.income.write({"description": "a\udfffb"}), "^Description contains an invalid")

    def test_dates_the_orm_and_postgresql_read_differently(self):
        # '' and 0: empty to the ORM, an error to PostgreSQL; the rest: a date to the ORM (it reads the first
        # ten characters, or Arabic digits), an error to PostgreSQL (or 2026 where the ORM read the year 26)
        for value in ("", " ", 0, [], "2026-01-01T25:00:00", "2026-01-01 25:00:00", "٢٠٢٦-٠١-٠١", "26-01-01"):
            with self.subTest(value=value):
                self.refused(lambda v=value: self.income.write({"date": v}), "^Period: .* is not a date")
        self.refused(lambda: self.dossier.write({"client_since": "2026-01-01\x00"}), "contains a NUL character")
        self.dossier.write({"client_since": "2026-1-2", "birth_date": "1970-01-02 10:00:00"})
        self.assertEqual((self.dossier.client_since, self.dossier.birth_date), (date(2026, 1, 2), date(1970, 1, 2)))

    def test_links_of_another_type(self):
        # True: "operator does not exist: integer = boolean"; 2^31: "integer out of range"; a list in the
        # income's own create, before the input checks: "unhashable type: 'list'"
        for value in (True, 2**31, -1, [0]):
            with self.subTest(value=value):
                self.refused(lambda v=value: self.dossier.write({"tier_id": v}), "^Tier: .* is not a record")
                vals = {"dossier_id": value, "date": "2025-02-01", "product_line": "fees", "amount": 1}
                self.refused(lambda v=vals: self.env["vip.income"].create(v), "^Client: .* is not a record")

    def test_numbers_of_another_type(self):
        # a dict: float() argument must be ... not 'dict'; "1.5" for an integer: int() refuses it
        self.refused(lambda: self.income.write({"amount": {"": 0}}), "^Amount must be a number")
        self.refused(lambda: self.dossier.write({"contact_hour_from": {"a": 1}}), "^Call From must be a number")
        self.refused(lambda: self.tier.write({"sequence": "1.5"}), '^Sequence must be a number, not "1.5"')
        self.tier.write({"sequence": " 12 "})
        self.assertEqual(self.tier.sequence, 12)

    def test_amounts_odoo_cannot_round(self):
        """From 10^12 Odoo's currency rounding shifts whole amounts by a kopeck: refused, not altered."""
        self.refused(lambda: self.income.write({"amount": 5_277_655_813_325}), "^Amount is out of range")
        self.income.write({"amount": 999_999_999_999.99})
        self.env.invalidate_all()
        self.assertEqual(self.income.amount, 999_999_999_999.99)

    def test_phone_too_long_for_the_contacts_index(self):
        """The contact card's phone numbers are indexed: a megabyte of one was "index row requires 22912
        bytes, maximum size is 8191"."""
        for name, label in (("phone", "Phone"), ("mobile", "Mobile")):
            self.refused(
                lambda n=name: self.dossier.write({n: "Я" * 1_000_000}),
                f"^{label} is too long: 1000000 characters, at most 64",
            )
        self.dossier.write({"phone": "+7 (495) 123-45-67 доб. 1234"})
        self.assertEqual(self.dossier.partner_id.phone, "+7 (495) 123-45-67 доб. 1234")

    def test_income_without_a_date(self):
        """The period's check read the year of no date ('bool' object has no attribute 'year')."""
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.income.write({"date": False})
            self.env.flush_all()
