# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests.common import tagged

from .common import TODAY, VipErasureCase

# AccessError and ValidationError are UserErrors: a clear refusal, never a traceback
REFUSED = UserError


@tagged("post_install", "-at_install")
class TestVipErasureAccess(VipErasureCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time(TODAY):
            cls.relative.with_user(cls.manager).write({"consent_withdrawn_date": "2026-06-01"})
            cls.other_relative.with_user(cls.manager2).write({"consent_withdrawn_date": "2026-06-01"})
        cls.case = cls.Erasure.search([("relative_id", "=", cls.relative.id)])
        cls.other_case = cls.Erasure.search([("relative_id", "=", cls.other_relative.id)])

    def test_outsiders_see_nothing(self):
        self.fresh()
        for user in (self.employee, self.portal):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.Erasure.with_user(user).search([])
                with self.assertRaises(AccessError):
                    self.case.with_user(user).read(["deadline"])
                with self.assertRaises(AccessError):
                    self.Erasure.with_user(user).read_group([], ["deadline:max"], ["user_id"])
                with self.assertRaises(AccessError):
                    self.Erasure.with_user(user).name_search("Spouse")
                with self.assertRaises(AccessError):
                    self.case.with_user(user).action_erase()

    def test_a_manager_sees_and_works_only_their_clients_cases(self):
        self.fresh()
        Erasure = self.Erasure.with_user(self.manager2)
        self.assertNotIn(self.case, Erasure.search([]))
        self.assertIn(self.other_case, Erasure.search([]))
        self.assertNotIn(self.case.id, [r["id"] for r in Erasure.search_read([], ["id"])])
        groups = Erasure.read_group([], ["deadline:max"], ["user_id"])
        self.assertEqual([g["user_id"][0] for g in groups], [self.manager2.id])
        self.assertFalse(Erasure.name_search(self.relative.name))
        with self.assertRaises(AccessError):
            self.case.with_user(self.manager2).read(["deadline"])
        with self.assertRaises(AccessError):
            self.case.with_user(self.manager2).action_erase()
        with self.assertRaises(AccessError):
            self.case.with_user(self.manager2).write({"document": "forged"})
        self.fresh()
        self.assertTrue(self.relative.exists())
        # the allowed case, side by side: the client's own manager and deputy
        self.assertEqual(self.Erasure.with_user(self.manager).search([]), self.case)
        self.assertEqual(self.Erasure.with_user(self.deputy).search([]), self.case)
        self.assertEqual(self.Erasure.with_user(self.manager).name_search(self.relative.name)[0][0], self.case.id)
        self.case.with_user(self.manager).write({"document": "Statement no. 1"})

    def test_no_case_is_made_or_moved_by_hand(self):
        """A case follows the withdrawal: not created, retargeted or closed by hand (nor at another client's
        relative)."""
        with self.assertRaises(REFUSED):
            self.Erasure.with_user(self.manager).create(
                {"dossier_id": self.dossier.id, "relative_id": self.relative.id, "withdrawal_date": "2026-06-01"}
            )
        with self.assertRaises(REFUSED):
            self.Erasure.with_user(self.manager).create(
                {"dossier_id": self.dossier.id, "relative_id": self.other_relative.id, "withdrawal_date": "2026-06-01"}
            )
        for vals in (
            {"relative_id": self.other_relative.id},
            {"dossier_id": self.other_dossier.id},
            {"state": "cancelled"},
            {"withdrawal_date": "2026-06-01"},
            {"erased_summary": "nothing"},
        ):
            with self.subTest(vals=vals), self.assertRaises(REFUSED):
                self.case.with_user(self.manager).write(vals)
        with self.assertRaises(REFUSED):
            self.case.with_user(self.manager).write({"activity_id": self.other_case.sudo().activity_id.id})
        with self.assertRaises(REFUSED):
            self.case.with_user(self.manager).unlink()
        with self.assertRaises(REFUSED):
            self.case.with_user(self.vip_admin).unlink()
        # the system too: a case's relative is of its own client
        with self.assertRaises(ValidationError):
            self.case.sudo().write({"relative_id": self.other_relative.id})

    def test_a_supervisor_reads_but_erases_nothing(self):
        self.fresh()
        Erasure = self.Erasure.with_user(self.supervisor)
        mine = [("dossier_id", "in", (self.dossier | self.other_dossier).ids)]
        self.assertEqual(Erasure.search(mine), self.case | self.other_case)
        self.assertTrue(Erasure.read_group([], ["deadline:max"], ["user_id"]))
        with self.assertRaises(AccessError):
            self.case.with_user(self.supervisor).action_erase()
        with self.assertRaises(AccessError):
            self.case.with_user(self.supervisor).write({"note": "x"})
        with self.assertRaises(AccessError):
            self.env["vip.consent.withdrawal.wizard"].with_user(self.supervisor).create(
                {"dossier_id": self.dossier.id, "document": "x"}
            )
        self.fresh()
        self.assertEqual(self.case.state, "due")
        # the allowed case: a VIP administrator erases any client's
        self.other_case.with_user(self.vip_admin).action_erase()
        self.assertEqual(self.other_case.state, "done")
        self.assertFalse(self.other_relative.exists())

    def test_the_emergency_reader_reads_the_granted_client_only(self):
        self.fresh()
        self.assertFalse(self.Erasure.with_user(self.emergency).search([]))
        with freeze_time(TODAY):
            self.grant_emergency(self.other_dossier)
            Erasure = self.Erasure.with_user(self.emergency)
            self.assertEqual(Erasure.search([]), self.other_case)
            with self.assertRaises(AccessError):
                self.other_case.with_user(self.emergency).action_erase()
            with self.assertRaises(AccessError):
                self.other_case.with_user(self.emergency).write({"note": "x"})
            with self.assertRaises(AccessError):
                self.case.with_user(self.emergency).read(["deadline"])

    def test_the_wizard_takes_no_other_clients_person(self):
        """Opened with another client's ids in the context or the values: refused, nothing withdrawn."""
        Wizard = self.env["vip.consent.withdrawal.wizard"].with_user(self.manager)
        fresh_relative = self.env["vip.relative"].create(
            {
                "dossier_id": self.other_dossier.id,
                "relation_type_id": self.spouse.id,
                "first_name": "Someone",
                "consent_date": "2020-01-01",
            }
        )
        with self.assertRaises(AccessError):
            fresh_relative.with_user(self.manager).action_withdraw_consent()
        attacks = [
            ({"default_dossier_id": self.other_dossier.id, "default_relative_id": fresh_relative.id}, {}),
            ({"active_model": "vip.relative", "active_id": fresh_relative.id}, {"dossier_id": self.other_dossier.id}),
            ({}, {"dossier_id": self.other_dossier.id, "relative_id": fresh_relative.id}),
            ({}, {"dossier_id": self.dossier.id, "relative_id": fresh_relative.id}),
        ]
        for context, vals in attacks:
            with self.subTest(context=context, vals=vals), freeze_time(TODAY), self.assertRaises(REFUSED):
                Wizard.with_context(**context).create({"document": "forged", **vals}).action_confirm()
        self.fresh()
        self.assertFalse(fresh_relative.consent_withdrawn_date)
        self.assertFalse(self.Erasure.search([("relative_id", "=", fresh_relative.id)]))
        # the allowed case: the other client's own manager
        with freeze_time(TODAY):
            action = fresh_relative.with_user(self.manager2).action_withdraw_consent()
            self.env["vip.consent.withdrawal.wizard"].with_user(self.manager2).with_context(**action["context"]).create(
                {"document": "Statement"}
            ).action_confirm()
        self.assertTrue(self.Erasure.search([("relative_id", "=", fresh_relative.id)]))
