# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.vip_dossier.tests.fuzz import FUZZ, FuzzMixin, date_strings, fuzzed_vals, real

from .common import VipCalendarCase

KEY_DATE_FIELDS = ("dossier_id", "type_id", "relative_id", "name", "base_date", "lead_days", "channel", "note")


@tagged("post_install", "-at_install")
class TestVipKeyDateFuzz(FuzzMixin, VipCalendarCase):
    """Random and hostile key dates, by a manager over JSON-RPC: each is saved with a sane next
    occurrence and reminder day, or refused with a clear error; the run that follows never breaks."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.custom = cls.env.ref("vip_calendar.key_date_type_custom")
        cls.key_date = cls.occasion(cls, cls.dossier, "Юбилей компании", "2020-09-15")
        cls.links = {
            "vip.dossier": (cls.dossier | cls.other_dossier).ids,
            "vip.key.date.type": (cls.custom | cls.birthday | cls.env.ref("vip_calendar.key_date_type_poa_expiry")).ids,
            "vip.relative": (cls.records["vip.relative"] | cls.other_records["vip.relative"]).ids,
        }

    def valid_vals(self):
        return {
            "dossier_id": self.dossier.id,
            "type_id": self.custom.id,
            "name": "Годовщина",
            "base_date": "2020-09-15",
        }

    def assertSane(self, key_date):
        """The stored schedule of a saved date: its next occurrence, the day it is reminded."""
        key_date = key_date.sudo()
        if key_date.next_date:
            self.assertLessEqual(key_date.reminder_date, key_date.next_date)
            self.assertGreaterEqual(key_date.lead_days, 0)

    def run_the_cron(self):
        """The hourly run after the hostile input: it must end, whatever the dates hold."""
        _done, error = self.attempt(self.cron_batch, "the key-date run")
        self.assertIsNone(error, "the run is not refused: it runs as the system")

    @FUZZ
    @given(data=st.data())
    def test_key_date(self, data):
        KeyDate = self.KeyDate.with_user(self.manager)
        vals = {**self.valid_vals(), **real(data.draw(fuzzed_vals(KeyDate, KEY_DATE_FIELDS, self.links), "create"))}
        count = self.KeyDate.sudo().search_count([])
        record, error = self.attempt(lambda: KeyDate.create(vals), f"create vip.key.date {vals!r:.300}")
        if error:
            self.assertEqual(self.KeyDate.sudo().search_count([]), count, "nothing saved")
        else:
            self.assertStored(record.sudo(), vals)
            self.assertSane(record)
        vals = real(data.draw(fuzzed_vals(KeyDate, KEY_DATE_FIELDS, self.links), "write"))
        key_date = self.key_date.with_user(self.manager)
        before = key_date.sudo().read(list(vals))[0]
        _result, error = self.attempt(lambda: key_date.write(vals), f"write vip.key.date {vals!r:.300}")
        self.env.invalidate_all()
        if error:
            self.assertEqual(key_date.sudo().read(list(vals))[0], before, "nothing saved")
        else:
            self.assertStored(key_date.sudo(), vals)
            self.assertSane(key_date)
        self.run_the_cron()

    @FUZZ
    @given(wedding=date_strings, birth=date_strings, relative_birth=date_strings)
    def test_dossier_dates_feed_the_engine(self, wedding, birth, relative_birth):
        """The dossier's dates become key dates: 29 February, year 1 or 9999 included."""
        dossier = self.dossier.with_user(self.manager)
        relative = self.records["vip.relative"].with_user(self.manager)
        self.attempt(lambda: dossier.write({"wedding_date": wedding, "birth_date": birth}), f"{wedding!r} {birth!r}")
        self.attempt(lambda: relative.write({"birth_date": relative_birth}), f"relative born {relative_birth!r}")
        for key_date in self.KeyDate.sudo().search([("dossier_id", "=", self.dossier.id)]):
            self.assertSane(key_date)
        self.run_the_cron()


@tagged("post_install", "-at_install")
class TestVipKeyDateFuzzFindings(VipCalendarCase):
    """What the fuzz suite found in the key dates, pinned by its example."""

    def test_lead_time_beyond_the_calendar(self):
        """2^31 - 1 days ahead passed every check, then broke the computation of the reminder day
        (OverflowError: days=2147483647; must have magnitude <= 999999999) at the save."""
        key_date = self.occasion(self.dossier, "Юбилей компании", "2020-09-15")
        for days in (2**31 - 1, 1_000_000, 367, -5_000_000):
            with self.subTest(days=days):
                with self.assertRaisesMessage(ValidationError, f"^A reminder comes 0 to 366 days ahead .*not {days}"):
                    key_date.write({"lead_days": days})
                    self.env.flush_all()
                with self.assertRaisesMessage(ValidationError, "^A reminder comes 0 to 366 days ahead"):
                    self.birthday.write({"lead_days": days})
        key_date.lead_days = 366
        self.env.flush_all()
        self.assertEqual(key_date.reminder_date, key_date.next_date - timedelta(days=366))
