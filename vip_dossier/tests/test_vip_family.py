# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests.common import tagged
from odoo.tools import mute_logger

from .common import VipCase


@tagged("post_install", "-at_install")
class TestVipFamily(VipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.wife = cls.env["vip.relative"].create(
            {
                "dossier_id": cls.dossier.id,
                "relation_type_id": cls.spouse.id,
                "last_name": "Петрова",
                "first_name": "Ольга",
                "patronymic": "Ивановна",
                "birth_date": date(1980, 2, 29),
            }
        )

    def test_relative_name_and_display(self):
        self.assertEqual(self.wife.name, "Петрова Ольга Ивановна")
        self.assertEqual(self.wife.formal_address, "Ольга Ивановна")
        self.assertEqual(self.wife.display_name, f"Петрова Ольга Ивановна ({self.spouse.name})")
        self.assertEqual(self.dossier.relative_count, 1)

    def test_relatives_are_not_contacts(self):
        self.assertFalse(self.env["res.partner"].search([("name", "ilike", "Петрова Ольга")]))

    def test_relative_contact_needs_both_consents(self):
        self.assertFalse(self.wife.contact_allowed)
        self.wife.consent_date = date(2025, 1, 1)
        self.assertEqual(self.wife.consent_state, "given")
        self.assertFalse(self.wife.contact_allowed, "processing consent alone does not allow contacting")
        self.wife.write(
            {"contact_consent": True, "contact_consent_channel": "phone", "contact_consent_date": date(2025, 1, 1)}
        )
        self.assertTrue(self.wife.contact_allowed)
        self.wife.consent_withdrawn_date = date(2025, 6, 1)
        self.assertFalse(self.wife.contact_allowed)
        self.assertTrue(self.wife.data_review_needed)

    @freeze_time("2026-01-10")
    def test_relative_contact_consent_in_future_rejected(self):
        with self.assertRaisesMessage(ValidationError, "future"):
            self.wife.contact_consent_date = date(2026, 1, 11)

    def test_relative_future_birth_date_rejected(self):
        with self.assertRaisesMessage(ValidationError, "in the future"):
            self.wife.birth_date = date(2999, 1, 1)

    @freeze_time("2026-01-10")
    def test_relative_death_date(self):
        """A date of death flags the relative; it is neither in the future nor before the birth."""
        with self.assertRaisesMessage(ValidationError, "date of death .* is in the future"):
            self.wife.death_date = date(2026, 1, 11)
        with self.assertRaisesMessage(ValidationError, "before their birth date"):
            self.wife.death_date = date(1979, 1, 1)
        self.wife.death_date = date(2026, 1, 10)
        self.assertTrue(self.wife.is_deceased, "a date of death says the relative died")
        self.assertEqual(self.wife.display_name, f"† Петрова Ольга Ивановна ({self.spouse.name})")
        # unflagged (a mistake): the date goes too
        self.wife.is_deceased = False
        self.assertFalse(self.wife.death_date)
        self.assertNotIn("†", self.wife.display_name)
        # flagged without a known date
        self.wife.is_deceased = True
        self.assertTrue(self.wife.is_deceased)
        self.assertFalse(self.wife.death_date)

    def test_relative_death_date_in_russian(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.env["ir.module.module"]._load_module_terms(["vip_dossier"], ["ru_RU"])
        with self.assertRaises(ValidationError) as caught:
            self.wife.with_context(lang="ru_RU").death_date = date(1979, 1, 1)
        self.assertIn("раньше даты рождения", str(caught.exception))

    def test_relative_needs_relation(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env["vip.relative"].create({"dossier_id": self.dossier.id, "first_name": "Nobody"})
            self.env.flush_all()

    def test_preferences_of_client_and_relative(self):
        Preference = self.env["vip.preference"]
        own = Preference.create({"dossier_id": self.dossier.id, "category_id": self.gifts.id, "value": "Whisky"})
        hers = Preference.create({"relative_id": self.wife.id, "category_id": self.gifts.id, "value": "Roses"})
        self.assertEqual(hers.dossier_id, self.dossier, "the dossier follows the relative")
        self.assertEqual(self.dossier.preference_ids, own, "the client's own preferences only")
        self.assertEqual(self.wife.preference_ids, hers)
        self.assertEqual(own.person_name, self.dossier.name)
        self.assertEqual(hers.person_name, self.wife.name)

    def test_preference_of_other_clients_relative_rejected(self):
        other = self.env["vip.dossier"].create({"name": "Other"})
        with self.assertRaisesMessage(ValidationError, "not a relative of"):
            self.env["vip.preference"].create(
                {"dossier_id": other.id, "relative_id": self.wife.id, "category_id": self.gifts.id, "value": "x"}
            )

    def test_preference_needs_value(self):
        with self.assertRaisesMessage(ValidationError, "needs a value"):
            self.env["vip.preference"].create(
                {"dossier_id": self.dossier.id, "category_id": self.gifts.id, "value": " "}
            )

    def test_deleting_dossier_removes_family(self):
        self.env["vip.preference"].create({"relative_id": self.wife.id, "category_id": self.gifts.id, "value": "Roses"})
        partner = self.dossier.partner_id
        self.dossier.unlink()
        self.assertFalse(self.wife.exists())
        self.assertFalse(self.env["vip.preference"].search([("value", "=", "Roses")]))
        self.assertTrue(partner.exists(), "the contact card outlives the dossier")

    @freeze_time("2026-05-01")
    def test_power_of_attorney_validity(self):
        TrustedPerson = self.env["vip.trusted.person"]
        valid = TrustedPerson.create(
            {
                "dossier_id": self.dossier.id,
                "relative_id": self.wife.id,
                "scope": "Deposits",
                "valid_from": date(2025, 1, 1),
                "valid_to": date(2027, 1, 1),
            }
        )
        self.assertEqual(valid.name, self.wife.name, "the name follows the relative")
        expired = TrustedPerson.create(
            {
                "dossier_id": self.dossier.id,
                "name": "Lawyer",
                "scope": "All",
                "valid_from": date(2024, 1, 1),
                "valid_to": date(2025, 1, 1),
            }
        )
        future = TrustedPerson.create(
            {"dossier_id": self.dossier.id, "name": "Son", "scope": "Cards", "valid_from": date(2026, 6, 1)}
        )
        self.assertEqual((valid.state, expired.state, future.state), ("valid", "expired", "future"))
        mine = [("dossier_id", "=", self.dossier.id)]
        self.assertEqual(TrustedPerson.search([*mine, ("state", "=", "valid")]), valid)
        self.assertEqual(TrustedPerson.search([*mine, ("state", "in", ["expired", "future"])]), expired | future)
        self.assertEqual(TrustedPerson.search([*mine, ("state", "!=", "valid")]), expired | future)

    def test_power_of_attorney_ends_before_start_rejected(self):
        vals = {"dossier_id": self.dossier.id, "name": "X", "scope": "All", "valid_from": date(2025, 2, 1)}
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env["vip.trusted.person"].create(dict(vals, valid_to=date(2025, 1, 31)))
        person = self.env["vip.trusted.person"].create(dict(vals, valid_to=date(2025, 2, 1)))
        with self.assertRaisesMessage(ValidationError, "cannot end"):
            person.valid_to = date(2025, 1, 30)
