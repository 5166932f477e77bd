# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests.common import tagged

from .common import TODAY, WITHDRAWN, VipErasureCase


@tagged("post_install", "-at_install")
class TestVipErasure(VipErasureCase):
    def test_withdrawal_opens_one_case_with_its_deadline_and_task(self):
        case = self.withdraw(self.relative)
        self.assertEqual(len(case), 1)
        self.assertEqual(
            (case.person_kind, case.dossier_id, case.withdrawal_date, case.deadline, case.state),
            ("relative", self.dossier, WITHDRAWN, date(2026, 7, 1), "due"),
        )
        # the task: on the client, for the responsible manager, five days before the deadline
        task = case.sudo().activity_id
        self.assertEqual((task.res_model, task.res_id), ("vip.dossier", self.dossier.id))
        self.assertEqual(task.user_id, self.manager)
        self.assertEqual(task.date_deadline, date(2026, 6, 26))
        self.assertEqual(task.activity_type_id, self.env.ref("vip_privacy.mail_activity_type_erasure"))
        self.assertNotIn(self.relative.name, task.summary, "the task names the relation, not the person")
        self.assertEqual((case.task_user_id, case.task_date), (self.manager, date(2026, 6, 26)))
        # recorded again, or corrected: still one case, its deadline and task follow
        self.withdraw(self.relative)
        case2 = self.withdraw(self.relative, day=date(2026, 5, 25))
        self.assertEqual(case2, case)
        self.assertEqual(self.Erasure.search_count([("relative_id", "=", self.relative.id)]), 1)
        self.assertEqual(case.deadline, date(2026, 6, 24))
        self.assertEqual(task.date_deadline, date(2026, 6, 19))

    def test_the_task_goes_to_the_deputy_when_the_manager_is_away(self):
        self.manager.vip_absent = True
        case = self.withdraw(self.relative)
        self.assertEqual(case.sudo().activity_id.user_id, self.deputy)

    def test_a_late_record_gets_a_task_due_today(self):
        case = self.withdraw(self.relative, day=date(2026, 5, 5))
        self.assertEqual(case.deadline, date(2026, 6, 4))
        self.assertEqual(case.sudo().activity_id.date_deadline, date(2026, 6, 1))

    def test_withdrawal_in_the_future_is_refused(self):
        with freeze_time(TODAY), self.assertRaises(ValidationError):
            self.relative.with_user(self.manager).write({"consent_withdrawn_date": "2026-06-10"})

    def test_contacts_stop_at_once(self):
        """A withdrawn consent: the person may not be contacted, no SMS, and the relative's key date gives a
        task that carries none of their data."""
        key_date = self.KeyDate.search([("relative_id", "=", self.relative.id)])
        self.assertTrue(key_date)
        key_date.channel = "sms"
        self.assertTrue(self.relative.contact_allowed)
        self.withdraw(self.relative)
        self.assertFalse(self.relative.contact_allowed)
        self.assertFalse(key_date._sms_allowed())
        self.assertTrue(key_date._through_client())
        self.assertNotIn(self.relative.name, key_date._task_title())
        self.assertNotIn(self.relative.name, str(key_date._task_note()))
        # the client withdraws: the client's greeting is skipped altogether
        self.withdraw(self.dossier)
        birthday = self.KeyDate.search([("dossier_id", "=", self.dossier.id), ("type_id", "=", self.birthday.id)])
        self.assertFalse(self.dossier.contact_allowed)
        self.assertFalse(birthday._may_remind())
        self.assertFalse(key_date._may_remind(), "nor is the date mentioned to a client who withdrew")

    def test_erasing_a_relative(self):
        case = self.withdraw(self.relative)
        task = case.sudo().activity_id
        client_preference = self.records["vip.preference"]
        self.assertIn("Relatives: 1", case.scope)
        self.assertIn("Preferences: 1", case.scope)
        with freeze_time(TODAY):
            case.with_user(self.manager).action_erase()
        self.assertFalse(self.relative.exists())
        self.assertFalse(self.relative_preference.exists())
        self.assertFalse(self.KeyDate.with_context(active_test=False).search([("relative_id", "=", self.relative.id)]))
        # the client's own data stays
        self.assertTrue(client_preference.exists())
        for model in ("vip.interaction", "vip.operation", "vip.income", "vip.trusted.person"):
            self.assertTrue(self.records[model].exists(), model)
        self.assertEqual((case.state, case.erased_by_id), ("done", self.manager))
        self.assertEqual(case.person_name, "Erased relative (Spouse)")
        self.assertIn("Relatives: 1", case.erased_summary)
        self.assertIn("Key dates: 1", case.erased_summary)
        self.assertFalse(task.exists(), "the task is done")
        # the access log: who, which client, what (counts), never the data
        log = self.env["vip.access.log"].search([("event", "=", "erasure"), ("dossier_id", "=", self.dossier.id)])
        self.assertEqual((log.user_id, log.dossier_id), (self.manager, self.dossier))
        self.assertIn("Relatives: 1", log.note)
        self.assertNotIn("Spouse of", log.note)
        with self.assertRaises(UserError):
            case.with_user(self.manager).action_erase()

    def test_erasing_the_client(self):
        """The client's consent: what rests on it goes, what the bank keeps by law stays."""
        with freeze_time(TODAY):
            self.dossier.wedding_date = "2000-08-01"
            unconsented = self.env["vip.relative"].create(
                {"dossier_id": self.dossier.id, "relation_type_id": self.spouse.id, "first_name": "Без согласия"}
            )
            self.env.flush_all()
        client_preference = self.records["vip.preference"]
        case = self.withdraw(self.dossier)
        self.assertEqual(case.person_kind, "client")
        with freeze_time(TODAY):
            case.with_user(self.manager).action_erase()
        self.assertFalse(client_preference.exists())
        self.assertFalse(unconsented.exists(), "a relative without a consent of their own goes")
        self.assertTrue(self.relative.exists(), "a relative who consented keeps their data")
        self.assertTrue(self.relative_preference.exists())
        self.assertFalse(self.dossier.wedding_date)
        greetings = self.KeyDate.with_context(active_test=False).search(
            [("dossier_id", "=", self.dossier.id), ("relative_id", "=", False), ("type_id.is_greeting", "=", True)]
        )
        self.assertFalse(greetings)
        # identification, contract, money, history: kept
        self.assertEqual(self.dossier.birth_date, date(1970, 6, 20))
        self.assertTrue(self.dossier.partner_id)
        for model in ("vip.interaction", "vip.operation", "vip.income", "vip.trusted.person"):
            self.assertTrue(self.records[model].exists(), model)
        # the same withdrawal written again opens no second case
        with freeze_time(TODAY):
            self.dossier.write({"consent_withdrawn_date": WITHDRAWN})
        self.assertEqual(
            self.Erasure.search_count([("dossier_id", "=", self.dossier.id), ("person_kind", "=", "client")]), 1
        )
        # the dossier kept its birth date: the greeting dates do not come back while the consent is withdrawn
        with freeze_time(TODAY):
            self.dossier.job_title = "Director"
            self.dossier._sync_key_dates()
        self.assertFalse(
            self.KeyDate.search([("dossier_id", "=", self.dossier.id), ("type_id", "=", self.birthday.id)])
        )
        # consent given again: they do
        with freeze_time(TODAY):
            self.dossier.write({"consent_withdrawn_date": False, "consent_date": "2026-06-01"})
        self.assertTrue(self.KeyDate.search([("dossier_id", "=", self.dossier.id), ("type_id", "=", self.birthday.id)]))

    def test_consent_given_again_cancels_the_case(self):
        case = self.withdraw(self.relative)
        task = case.sudo().activity_id
        with freeze_time(TODAY):
            self.relative.with_user(self.manager).write({"consent_withdrawn_date": False, "consent_date": "2026-06-01"})
        self.assertEqual(case.state, "cancelled")
        self.assertIn("Consent given again", case.cancel_reason)
        self.assertFalse(task.exists())
        self.assertTrue(self.relative.exists())
        with self.assertRaises(UserError):
            case.with_user(self.manager).action_erase()
        # withdrawn again: a new case
        new = self.withdraw(self.relative)
        self.assertTrue(new)
        self.assertNotEqual(new, case)

    def test_deleting_the_relative_by_hand_is_the_erasure(self):
        case = self.withdraw(self.relative)
        self.relative.with_user(self.manager).unlink()
        self.assertEqual(case.state, "done")
        self.assertEqual(
            self.env["vip.access.log"].search_count([("event", "=", "erasure"), ("dossier_id", "=", self.dossier.id)]),
            1,
        )

    def test_the_wizard_records_the_date_and_the_document(self):
        Wizard = self.env["vip.consent.withdrawal.wizard"].with_user(self.manager)
        with freeze_time(TODAY):
            action = self.relative.with_user(self.manager).action_withdraw_consent()
            wizard = Wizard.with_context(**action["context"]).create({"document": "Statement no. 15"})
            result = wizard.action_confirm()
        case = self.Erasure.browse(result["res_id"])
        self.assertEqual(
            (case.relative_id, case.document, case.withdrawal_date), (self.relative, "Statement no. 15", WITHDRAWN)
        )
        self.assertEqual(self.relative.consent_withdrawn_date, WITHDRAWN)
        with freeze_time(TODAY), self.assertRaises(UserError):
            Wizard.with_context(**action["context"]).create({"document": "again"}).action_confirm()

    def test_the_dossier_shows_the_due_erasure(self):
        self.assertFalse(self.dossier.erasure_due_count)
        case = self.withdraw(self.relative)
        self.dossier.invalidate_recordset()
        self.assertEqual((self.dossier.erasure_due_count, self.dossier.erasure_deadline), (1, case.deadline))

    def test_overdue_is_found(self):
        case = self.withdraw(self.relative)
        with freeze_time("2026-07-01 09:00:00"):
            self.assertFalse(self.Erasure.search([("is_overdue", "=", True)]))
        with freeze_time("2026-07-02 09:00:00"):
            self.assertEqual(self.Erasure.search([("is_overdue", "=", True)]), case)
            self.assertNotIn(case, self.Erasure.search([("is_overdue", "=", False)]))
            case.invalidate_recordset(["is_overdue"])
            self.assertTrue(case.is_overdue)
