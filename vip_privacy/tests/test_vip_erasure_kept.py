# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests.common import tagged

from .common import TODAY, WITHDRAWN, VipErasureCase

# a ground as a module that holds a record of the relative names it (vip_compliance: a gift received)
GROUND = "the bank's own record (a test's ground)"


@tagged("post_install", "-at_install")
class TestVipErasureKept(VipErasureCase):
    """A relative the bank must keep on another legal ground: archived with only what the record needs, the
    rest erased, and the case done. The grounds are given as ``vip.relative._vip_retention_grounds`` would."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.relative.write({"email": "spouse@example.com", "notes": "Likes opera", "contact_consent_channel": "sms"})

    def assert_kept(self, relative):
        relative.invalidate_recordset()
        self.assertTrue(relative.exists())
        self.assertFalse(relative.active, "archived: out of every list, no greeting")
        for fname in ("phone", "email", "notes", "contact_consent", "contact_consent_channel", "sms_opt_in"):
            self.assertFalse(relative[fname], fname)
        # what the record needs stays: the name, the relation
        self.assertTrue(relative.name)
        self.assertTrue(relative.relation_type_id)

    def test_default_is_no_ground(self):
        self.assertEqual(self.relative._vip_retention_grounds(), {}, "no gift, nothing else: no ground to keep")

    def test_keep_archives_and_clears(self):
        kept = self.Erasure._vip_keep_for_grounds(self.relative | self.other_relative, {self.relative.id: [GROUND]})
        self.assertEqual(kept, self.relative)
        self.assert_kept(self.relative)
        self.assertEqual(self.relative.birth_date, date(1975, 7, 10))
        self.assertTrue(self.other_relative.active, "no ground, untouched")
        self.assertEqual(self.other_relative.phone, "+7 916 000-00-00")

    def test_erasing_a_relative_the_bank_must_keep(self):
        case = self.withdraw(self.relative)
        task = case.sudo().activity_id
        grounds = {self.relative.id: [GROUND]}
        plan = case._plan(grounds)
        self.assertEqual((plan["relatives"], plan["kept"]), (self.env["vip.relative"], self.relative))
        scope = case._describe(case._counts(plan), plan["grounds"])
        self.assertIn("Relatives: 0", scope)
        self.assertIn(f"Relatives kept, archived with their contact data cleared: 1. Kept because: {GROUND}", scope)
        with freeze_time(TODAY):
            # as action_erase calls it once it checked the manager may write the case and the client
            case.with_user(self.manager)._erase(grounds=grounds)
        self.assert_kept(self.relative)
        self.assertEqual((self.relative.birth_date, self.relative.consent_state), (date(1975, 7, 10), "withdrawn"))
        self.assertFalse(self.relative_preference.exists())
        self.assertFalse(self.KeyDate.with_context(active_test=False).search([("relative_id", "=", self.relative.id)]))
        # the case is done and says what was kept and why
        self.assertEqual((case.state, case.erased_by_id, case.kept_reason), ("done", self.manager, GROUND))
        self.assertIn("Relatives: 0", case.erased_summary)
        self.assertIn("Preferences: 1", case.erased_summary)
        self.assertIn("Key dates: 1", case.erased_summary)
        self.assertIn(GROUND, case.scope)
        self.assertFalse(task.exists(), "the task is done")
        log = self.env["vip.access.log"].search([("event", "=", "erasure"), ("dossier_id", "=", self.dossier.id)])
        self.assertIn(GROUND, log.note)
        self.assertNotIn(self.relative.name, log.note)
        # archived, the relative gets no key date back; the same withdrawal written again opens no case
        with freeze_time(TODAY):
            self.dossier._sync_key_dates()
            self.relative.write({"consent_withdrawn_date": WITHDRAWN})
        self.assertFalse(self.KeyDate.with_context(active_test=False).search([("relative_id", "=", self.relative.id)]))
        self.assertEqual(self.Erasure.search_count([("relative_id", "=", self.relative.id)]), 1)
        # round 21: kept only for the bank's duties, the relative does not come back into the dossier by hand
        with self.assertRaisesMessage(UserError, "does not come back"):
            self.relative.with_user(self.manager).write({"active": True})

    def test_erasing_the_client_keeps_a_relative_with_a_ground(self):
        with freeze_time(TODAY):
            unconsented = self.env["vip.relative"].create(
                {
                    "dossier_id": self.dossier.id,
                    "relation_type_id": self.spouse.id,
                    "first_name": "Без согласия",
                    "phone": "+7 900 000-00-01",
                }
            )
            gone = self.env["vip.relative"].create(
                {"dossier_id": self.dossier.id, "relation_type_id": self.spouse.id, "first_name": "Без оснований"}
            )
            self.env.flush_all()
        case = self.withdraw(self.dossier)
        with freeze_time(TODAY):
            case.with_user(self.manager)._erase(grounds={unconsented.id: [GROUND], self.relative.id: [GROUND]})
        self.assert_kept(unconsented)
        self.assertFalse(gone.exists(), "without a ground, a relative without a consent of their own goes")
        self.assertTrue(self.relative.active, "a relative who consented is not the client's erasure's")
        self.assertEqual(self.relative.phone, "+7 916 000-00-00")
        self.assertEqual((case.state, case.kept_reason), ("done", GROUND))
        self.assertIn("Relatives: 1", case.erased_summary)
        self.assertIn("cleared: 1.", case.erased_summary)
        # round 22: kept by the client's erasure (no case names the relative), the relative does not come
        # back by hand either, nor through a copy; and who may not change it learns nothing of it
        kept = unconsented.with_user(self.manager)
        for comeback in (kept.action_unarchive, kept.toggle_active, lambda: kept.copy({"active": True})):
            with self.assertRaisesMessage(UserError, "does not come back"):
                comeback()
        with self.assertRaises(AccessError):
            unconsented.with_user(self.employee).write({"active": True})
        # round 23: nor its erased data or consent written back, nor a greeting or an interaction linked to it
        for values in ({"phone": "+7 916 123-45-67"}, {"consent_withdrawn_date": False}, {"notes": "back"}):
            with self.assertRaisesMessage(UserError, "does not come back"):
                kept.write(values)
        birthday = self.env.ref("vip_calendar.key_date_type_relative_birthday")
        with self.assertRaisesMessage(UserError, "does not come back"):
            self.KeyDate.with_user(self.manager).create(
                {
                    "dossier_id": self.dossier.id,
                    "relative_id": unconsented.id,
                    "type_id": birthday.id,
                    "base_date": "1980-05-05",
                }
            )
        with self.assertRaisesMessage(UserError, "does not come back"):
            self.env["vip.interaction"].with_user(self.manager).create(
                {"dossier_id": self.dossier.id, "relative_id": unconsented.id, "subject": "Call"}
            )
