# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests.common import tagged

from .common import VipSecurityCase

REASON = "The client is at the branch and his manager is on sick leave."


@tagged("post_install", "-at_install")
class TestVipEmergency(VipSecurityCase):
    def _open(self, user=None, ref="T-0002", reason=REASON, hours="1"):
        wizard = self.env["vip.emergency.wizard"].with_user(user or self.emergency)
        return wizard.create({"client_ref": ref, "reason": reason, "hours": hours}).action_open()

    def test_reason_is_required(self):
        with self.assertRaises(UserError):
            self._open(reason="urgent")
        self.assertFalse(self.env["vip.access.grant"].search([("user_id", "=", self.emergency.id)]))

    def test_unknown_client(self):
        with self.assertRaises(UserError):
            self._open(ref="NOPE")

    def test_only_emergency_users(self):
        with self.assertRaises(AccessError):
            self._open(user=self.employee)
        with self.assertRaises(AccessError):
            self._open(user=self.manager)

    def test_grant_opens_one_client_for_a_limited_time(self):
        start = datetime(2026, 3, 2, 10, 0)
        self.emergency.tz = "Europe/Moscow"
        with freeze_time(start):
            action = self._open()
            self.assertEqual(action["res_id"], self.other_dossier.id)
            self.fresh()
            self.assertEqual(self.other_dossier.with_user(self.emergency).read(["name"])[0]["name"], "Other Client")
            with self.assertRaises(AccessError):
                self.dossier.with_user(self.emergency).read(["name"])
            with self.assertRaises(AccessError):
                self.other_dossier.with_user(self.emergency).write({"job_title": "x"})
            log = self.env["vip.access.log"].search([("event", "=", "emergency")])
            self.assertEqual((log.user_id, log.dossier_id), (self.emergency, self.other_dossier))
            self.assertIn("sick leave", log.note)
            note = self.other_dossier.message_ids[0]
            self.assertIn(self.supervisor.partner_id, note.partner_ids, "supervisors are notified")
            self.assertIn("sick leave", note.body)
            # the end on the requester's clock (Moscow: UTC+3), not in UTC's ISO format
            self.assertRegex(str(note.body), r"\b(14:00|2:00 PM)\b")
            self.assertIn("Europe/Moscow", note.body)
            self.assertNotIn("11:00", note.body)
        with freeze_time(start + timedelta(minutes=59)):
            self.env["vip.access.grant"]._cron_expire()
            self.fresh()
            self.assertTrue(self.other_dossier.with_user(self.emergency).read(["name"]))
        with freeze_time(start + timedelta(hours=1, minutes=1)):
            self.env["vip.access.grant"]._cron_expire()
            self.fresh()
            with self.assertRaises(AccessError):
                self.other_dossier.with_user(self.emergency).read(["name"])

    def test_admin_revokes(self):
        self._open(hours="8")
        grant = self.env["vip.access.grant"].search([("user_id", "=", self.emergency.id)])
        grant.with_user(self.vip_admin).action_revoke()
        self.fresh()
        with self.assertRaises(AccessError):
            self.other_dossier.with_user(self.emergency).read(["name"])
