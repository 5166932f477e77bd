# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date
from unittest.mock import patch

from odoo.tests.common import tagged

from odoo.addons.sms.tools.sms_api import SmsApi

from .common import VipCalendarCase


@tagged("post_install", "-at_install")
class TestVipSmsPolicy(VipCalendarCase):
    """When the service standard sends an SMS, and when it asks for a call instead."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.birthday.write({"sms_allowed": True, "sms_text": "Dear {name}, happy birthday!"})
        cls.dossier.write({"sms_opt_in": True, "mobile": "+7 916 000 00 01", "tz": "Europe/Moscow"})
        cls.key_date = cls.KeyDate.search([("dossier_id", "=", cls.dossier.id), ("type_id", "=", cls.birthday.id)])
        cls.key_date.channel = "sms"
        cls.dossier.formal_address = "Иван Сергеевич"

    def step(self, day, hour=6):
        with self.at(f"{day} {hour:02d}:00:00"):
            created = self.run_cron()
        return created.filtered(lambda r: r.dossier_id == self.dossier)

    def test_sms_instead_of_a_call_on_the_day_outside_quiet_hours(self):
        [reminder] = self.step(date(2026, 6, 13))
        self.assertTrue(reminder.sms_planned)
        self.assertFalse(reminder.activity_id, "no call task when the SMS goes")
        self.assertFalse(reminder.sms_id, "not before the day")
        self.step(date(2026, 6, 20), hour=5)  # 08:00 in Moscow: quiet hours until 09:00
        self.assertFalse(reminder.sms_id)
        self.step(date(2026, 6, 20), hour=7)  # 10:00 in Moscow
        sms = reminder.sms_id
        self.assertTrue(sms)
        self.assertEqual(sms.number, "+7 916 000 00 01")
        self.assertIn("Иван Сергеевич", sms.body)
        self.assertEqual((reminder.outcome, reminder.done_date), ("done", date(2026, 6, 20)))
        self.step(date(2026, 6, 20), hour=8)
        self.assertEqual(self.env["sms.sms"].search_count([("number", "=", "+7 916 000 00 01")]), 1, "once")
        # the gateway is what leaves the machine: it alone is mocked
        sent = []

        def gateway(api, local_endpoint, params, timeout=15):
            sent.extend(params["messages"])
            return [{"uuid": sms.uuid, "state": "success"}]

        with patch.object(SmsApi, "_contact_iap", gateway):
            sms._send()
        self.assertEqual(len(sent), 1)
        self.assertIn("Иван Сергеевич", sent[0]["content"])

    def test_a_moved_date_sends_no_sms_on_the_old_day(self):
        [reminder] = self.step(date(2026, 6, 13))
        self.assertTrue(reminder.sms_planned)
        with self.at("2026-06-14"):
            self.dossier.birth_date = "1970-06-25"
        self.assertEqual(reminder.state, "cancelled", "a planned SMS is cancelled like a task")
        self.step(date(2026, 6, 20), hour=7)
        self.assertFalse(reminder.sms_id, "nothing on the old day")
        self.step(date(2026, 6, 25), hour=7)
        [moved] = self.reminders().filtered(lambda r: r.state == "open")
        self.assertEqual((moved.occurrence_date, bool(moved.sms_id)), (date(2026, 6, 25), True))

    def test_without_opt_in_a_call_task(self):
        self.dossier.sms_opt_in = False
        [reminder] = self.step(date(2026, 6, 13))
        self.assertFalse(reminder.sms_planned)
        self.assertTrue(reminder.activity_id, "a call task instead")

    def test_occasion_not_allowed_a_call_task(self):
        self.birthday.sms_allowed = False
        [reminder] = self.step(date(2026, 6, 13))
        self.assertFalse(reminder.sms_planned)
        self.assertTrue(reminder.activity_id)

    def test_no_mobile_a_call_task(self):
        self.dossier.write({"mobile": False, "phone": False})
        [reminder] = self.step(date(2026, 6, 13))
        self.assertTrue(reminder.activity_id)
