# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests.common import tagged

from .common import VipCalendarCase


@tagged("post_install", "-at_install")
@freeze_time("2026-06-01 09:00:00")
class TestVipKeyDateSync(VipCalendarCase):
    def _auto(self, dossier=None, code=None):
        domain = [("dossier_id", "=", (dossier or self.dossier).id), ("source", "=", "auto")]
        if code:
            domain.append(("type_id.code", "=", code))
        return self.KeyDate.search(domain)

    def test_dossier_dates_become_key_dates(self):
        employer = self.env["res.partner"].create(
            {
                "name": "Bank",
                "is_company": True,
                "industry_id": self.env.ref("base.res_partner_industry_K").id,
                "founding_date": "1990-09-15",
            }
        )
        self.dossier.write({"client_since": "2015-07-01", "wedding_date": "1995-08-19", "employer_id": employer.id})
        self.assertEqual(self._auto(code="birthday").next_date, date(2026, 6, 20))
        self.assertEqual(self._auto(code="client_anniversary").next_date, date(2026, 7, 1))
        self.assertEqual(self._auto(code="wedding").next_date, date(2026, 8, 19))
        self.assertEqual(self._auto(code="employer_anniversary").next_date, date(2026, 9, 15))
        self.assertEqual(self.dossier.next_key_date, date(2026, 6, 20))
        # the industry suggests professional holidays; none is a key date before the manager confirms
        suggested = self.dossier.suggested_holiday_ids
        self.assertIn(self.env.ref("vip_calendar.holiday_bankers_day"), suggested)
        self.assertIn(self.env.ref("vip_calendar.holiday_financiers_day"), suggested)
        self.assertNotIn(self.env.ref("vip_calendar.holiday_teachers_day"), suggested)
        self.assertFalse(self._auto(code="professional_holiday"))
        self.dossier.with_user(self.manager).action_confirm_suggested_holidays()
        self.assertEqual(self._auto(code="professional_holiday").holiday_id, suggested)
        self.assertFalse(self.dossier.suggested_holiday_ids)

    def test_an_archived_occasion_gives_no_dates(self):
        """An occasion the bank switched off (archived) gives no automatic dates: a client's date of it is
        dropped at the next change, a new client gets none."""
        wedding = self.env.ref("vip_calendar.key_date_type_wedding")

        def weddings(dossier):
            # by the type's id: a path through the type would hide an archived type's dates
            return self.KeyDate.search(
                [("dossier_id", "=", dossier.id), ("type_id", "=", wedding.id), ("source", "=", "auto")]
            )

        self.dossier.write({"wedding_date": "1995-08-19"})
        self.assertTrue(weddings(self.dossier))
        wedding.active = False
        self.dossier.write({"wedding_date": "1995-08-20"})
        self.assertFalse(weddings(self.dossier), "the client's wedding date is dropped")
        newcomer = self.env["vip.dossier"].create(
            {"name": "Newcomer", "user_id": self.manager.id, "wedding_date": "2001-05-05"}
        )
        self.assertFalse(weddings(newcomer))

    def test_professional_holidays_are_the_clients_own(self):
        """A bank's lawyer does not celebrate Insurers' Day: the manager keeps only the client's holidays,
        and may add one no industry names (Russian Entrepreneurship Day)."""
        employer = self.env["res.partner"].create(
            {"name": "Bank", "is_company": True, "industry_id": self.env.ref("base.res_partner_industry_K").id}
        )
        banker = self.env.ref("vip_calendar.holiday_bankers_day")
        own = banker | self.env.ref("vip_calendar.holiday_entrepreneurs_day")
        self.dossier.with_user(self.manager).write(
            {"employer_id": employer.id, "professional_holiday_ids": [(6, 0, own.ids)]}
        )
        self.assertEqual(self._auto(code="professional_holiday").holiday_id, own)
        self.assertNotIn(banker, self.dossier.suggested_holiday_ids)
        # the company's card, which anyone may edit, changes no client's holidays nor their tasks
        employer.with_user(self.manager2).write({"industry_id": self.env.ref("base.res_partner_industry_P").id})
        employer.with_user(self.manager2).write({"industry_id": False})
        self.assertEqual(self._auto(code="professional_holiday").holiday_id, own)
        # the bank archives a holiday: it reminds nobody any more, at once
        banker.active = False
        self.assertEqual(self._auto(code="professional_holiday").holiday_id, own - banker)
        banker.active = True
        self.assertEqual(self._auto(code="professional_holiday").holiday_id, own)

    def test_relatives_and_powers_of_attorney(self):
        relative = self.env["vip.relative"].create(
            {
                "dossier_id": self.dossier.id,
                "relation_type_id": self.spouse.id,
                "first_name": "Ольга",
                "birth_date": "1975-06-03",
            }
        )
        key_date = self._auto(code="relative_birthday")
        self.assertEqual((key_date.relative_id, key_date.next_date), (relative, date(2026, 6, 3)))
        self.assertEqual(key_date.person_name, relative.name)
        trusted = self.env["vip.trusted.person"].create(
            {
                "dossier_id": self.dossier.id,
                "name": "Lawyer",
                "scope": "All",
                "valid_from": "2025-01-01",
                "valid_to": "2026-07-01",
            }
        )
        expiry = self._auto(code="poa_expiry")
        self.assertEqual((expiry.trusted_person_id, expiry.next_date), (trusted, date(2026, 7, 1)))
        trusted.valid_to = "2027-01-01"
        self.assertEqual(expiry.next_date, date(2027, 1, 1))
        relative.unlink()
        self.assertFalse(self._auto(code="relative_birthday"))

    def test_an_occasions_lead_time_and_channel_reach_existing_dates(self):
        """The bank's policy applies to everyone, at once: a date that follows its occasion takes the
        new lead time and channel; one a manager set by hand keeps it."""
        birthday = self._auto(code="birthday")
        other = self.env["vip.dossier"].create({"name": "Second Client", "birth_date": "1980-07-01"})
        own = self._auto(other, code="birthday")
        own.write({"lead_days": 2, "channel": "visit"})
        key_type = birthday.type_id
        old_lead = birthday.lead_days
        key_type.write({"lead_days": old_lead + 3, "channel": "gift"})
        self.assertEqual((birthday.lead_days, birthday.channel), (old_lead + 3, "gift"))
        self.assertEqual(birthday.reminder_date, date(2026, 6, 20) - timedelta(days=old_lead + 3))
        self.assertEqual((own.lead_days, own.channel), (2, "visit"))

    def test_a_date_that_goes_away_and_comes_back_keeps_its_settings(self):
        """Anyone may edit a company's card: clearing its founding date and setting it again must not
        lose what the managers of its employees' clients set on their anniversary dates."""
        employer = self.env["res.partner"].create({"name": "Bank", "is_company": True, "founding_date": "1990-09-15"})
        self.dossier.employer_id = employer
        anniversary = self._auto(code="employer_anniversary").with_user(self.manager)
        anniversary.write({"note": "Send the CEO a card", "lead_days": 14, "channel": "visit"})
        employer.with_user(self.manager2).write({"founding_date": False})
        self.assertFalse(self._auto(code="employer_anniversary"))
        self.assertTrue(anniversary.dropped)
        with self.assertRaises(UserError):
            anniversary.write({"active": True})
        employer.with_user(self.manager2).write({"founding_date": "1990-09-16"})
        self.assertEqual(self._auto(code="employer_anniversary"), anniversary)
        self.assertEqual(
            (anniversary.note, anniversary.lead_days, anniversary.channel, anniversary.base_date),
            ("Send the CEO a card", 14, "visit", date(1990, 9, 16)),
        )

    def test_sync_is_idempotent(self):
        before = self._auto()
        self.dossier._sync_key_dates()
        self.dossier._sync_key_dates()
        self.assertEqual(self._auto(), before)

    def test_manual_key_dates_are_kept(self):
        custom = self.KeyDate.create(
            {
                "dossier_id": self.dossier.id,
                "type_id": self.env.ref("vip_calendar.key_date_type_custom").id,
                "name": "Daughter's graduation",
                "base_date": "2026-06-25",
            }
        )
        self.dossier._sync_key_dates()
        self.assertTrue(custom.exists())
        self.assertEqual(custom.next_date, date(2026, 6, 25))

    def test_next_key_date_of_several_clients_at_once(self):
        """The header's next date: the earliest active one of each client, read for a list of clients."""
        custom = self.env.ref("vip_calendar.key_date_type_custom")
        graduation, exam = self.KeyDate.create(
            [
                {"dossier_id": self.dossier.id, "type_id": custom.id, "name": "Graduation", "base_date": "2026-06-05"},
                {"dossier_id": self.other_dossier.id, "type_id": custom.id, "name": "Exam", "base_date": "2026-06-07"},
            ]
        )
        dossiers = self.dossier | self.other_dossier
        dossiers.invalidate_recordset(["next_key_date", "next_key_date_name"])
        self.assertEqual(dossiers.mapped("next_key_date"), [date(2026, 6, 5), date(2026, 6, 7)])
        self.assertTrue(self.dossier.next_key_date_name.startswith("Graduation — "))
        graduation.active = False
        self.env.flush_all()
        dossiers.invalidate_recordset(["next_key_date", "next_key_date_name"])
        self.assertEqual(self.dossier.next_key_date, date(2026, 6, 20), "archived: the birthday comes next")
        self.assertEqual(self.other_dossier.next_key_date, exam.next_date)

    def test_key_dates_follow_the_access_policy(self):
        self.fresh()
        self.assertTrue(self.KeyDate.with_user(self.manager).search([("dossier_id", "=", self.dossier.id)]))
        self.assertFalse(self.KeyDate.with_user(self.manager2).search([("dossier_id", "=", self.dossier.id)]))
        self.assertTrue(self.KeyDate.with_user(self.supervisor).search([("dossier_id", "=", self.dossier.id)]))
