# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time
from odoo_test_helper import FakeModelLoader

from odoo.exceptions import ValidationError
from odoo.tests.common import TransactionCase, tagged

from .common import VipAssertions


@tagged("post_install", "-at_install")
class TestPersonConsentMixins(VipAssertions, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.loader = FakeModelLoader(cls.env, cls.__module__)
        cls.loader.backup_registry()
        cls.addClassCleanup(cls.loader.restore_registry)
        from .models_fake import VipFakePerson

        cls.loader.update_registry((VipFakePerson,))
        cls.Person = cls.env["vip.fake.person"]

    def test_name_in_russian_form(self):
        person = self.Person.create({"last_name": "Иванов", "first_name": "Иван", "patronymic": "Петрович"})
        self.assertEqual(person.name, "Иванов Иван Петрович")
        self.assertEqual(person.formal_address, "Иван Петрович")

    def test_name_without_patronymic(self):
        person = self.Person.create({"last_name": " Smith ", "first_name": "John"})
        self.assertEqual(person.name, "Smith John")
        self.assertEqual(person.formal_address, "John")

    def test_formal_address_can_be_overridden(self):
        person = self.Person.create({"last_name": "Иванов", "first_name": "Иван", "formal_address": "Ваня"})
        self.assertEqual(person.formal_address, "Ваня")

    def test_name_changes_follow_parts(self):
        person = self.Person.create({"last_name": "Иванова", "first_name": "Анна"})
        person.last_name = "Петрова"
        self.assertEqual(person.name, "Петрова Анна")

    def test_empty_name_rejected(self):
        with self.assertRaisesMessage(ValidationError, "needs a name"):
            self.Person.create({"last_name": "  ", "first_name": ""})

    @freeze_time("2026-03-01")
    def test_birth_date_in_future_rejected(self):
        with self.assertRaisesMessage(ValidationError, "in the future"):
            self.Person.create({"first_name": "Анна", "birth_date": date(2026, 3, 2)})
        self.assertTrue(self.Person.create({"first_name": "Анна", "birth_date": date(2026, 3, 1)}))

    def test_impossible_birth_date_rejected(self):
        with self.assertRaisesMessage(ValidationError, "not plausible"):
            self.Person.create({"first_name": "Анна", "birth_date": date(1850, 1, 1)})

    def test_consent_states(self):
        person = self.Person.create({"first_name": "Анна"})
        self.assertEqual(person.consent_state, "missing")
        self.assertFalse(person.contact_allowed)
        self.assertTrue(person.data_review_needed)
        person.consent_date = date(2024, 5, 1)
        self.assertEqual(person.consent_state, "given")
        self.assertTrue(person.contact_allowed)
        self.assertFalse(person.data_review_needed)
        person.consent_withdrawn_date = date(2025, 1, 10)
        self.assertEqual(person.consent_state, "withdrawn")
        self.assertFalse(person.contact_allowed)
        self.assertTrue(person.data_review_needed)

    def test_consent_withdrawn_before_given_rejected(self):
        with self.assertRaisesMessage(ValidationError, "before it was given"):
            self.Person.create(
                {"first_name": "Анна", "consent_date": date(2025, 1, 10), "consent_withdrawn_date": date(2025, 1, 9)}
            )

    def test_consent_withdrawn_without_given_rejected(self):
        with self.assertRaisesMessage(ValidationError, "only be withdrawn after"):
            self.Person.create({"first_name": "Анна", "consent_withdrawn_date": date(2025, 1, 9)})

    @freeze_time("2026-03-01")
    def test_consent_in_future_rejected(self):
        with self.assertRaisesMessage(ValidationError, "future"):
            self.Person.create({"first_name": "Анна", "consent_date": date(2026, 3, 5)})
