# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import VipGiftCase


@tagged("post_install", "-at_install")
class TestVipGiftRules(VipGiftCase):
    # ------------------------------------------------------------------
    # Civil Code art. 575: a civil servant, above 3,000 ₽
    # ------------------------------------------------------------------
    def test_civil_servant_limit_to_the_kopeck(self):
        at_limit = self.gift(3000, relative=self.relative)
        above = self.gift(3000.01, relative=self.relative)
        to_client = self.gift(3000.01)  # the client is no civil servant
        self.assertFalse(at_limit.approval_required)
        self.assertTrue(above.approval_required)
        self.assertFalse(to_client.approval_required)
        at_limit.action_mark_given()
        to_client.action_mark_given()
        self.assertEqual((at_limit.state, to_client.state), ("given", "given"))
        with self.assertRaisesMessage(UserError, r"art\. 575.*approved"):
            above.action_mark_given()
        self.assertEqual(above.state, "draft")

    def test_no_gift_to_a_relative_who_died(self):
        """A gift is planned for a relative's birthday, and the relative dies: the gift goes nowhere."""
        gift = self.gift(1000, relative=self.relative)
        self.relative.write({"is_deceased": True, "death_date": date(2026, 5, 1)})
        with self.assertRaises(ValidationError):
            gift.with_user(self.manager).action_submit()
        with self.assertRaises(ValidationError):
            self.gift(500, relative=self.relative)

    def test_the_limit_is_the_companys(self):
        self.env.company.vip_gift_civil_servant_limit = 10000
        self.assertFalse(self.gift(9000, relative=self.relative).approval_required)
        with self.assertRaises(ValidationError):
            self.env.company.vip_gift_civil_servant_limit = -1

    def test_the_manager_is_told_in_russian(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.env["ir.module.module"]._load_module_terms(["vip_compliance"], ["ru_RU"])
        gift = self.gift(5000, relative=self.relative)
        with self.assertRaisesMessage(UserError, "ст. 575"):
            gift.with_context(lang="ru_RU").action_mark_given()

    def test_approval_by_top_management_then_given(self):
        gift = self.gift(5000, relative=self.relative)
        gift.action_submit()
        self.assertEqual(gift.state, "to_approve")
        # the manager cannot approve their own request, nor another manager, nor the employee
        for user in (self.manager, self.manager2, self.employee, self.emergency):
            with self.assertRaises(AccessError):
                gift.with_user(user)._vip_decide("approve")
            with self.assertRaises(AccessError):
                self.env["vip.gift.decision.wizard"].with_user(user).create({"gift_ids": [(6, 0, gift.ids)]})
        with self.assertRaises(UserError):
            gift.action_mark_given()  # waiting for approval
        wizard = self.decision_wizard(self.supervisor, gift, decision="approve", comment="Ordinary courtesy")
        wizard.action_confirm()
        self.assertEqual(gift.state, "approved")
        self.assertEqual(gift.approver_id, self.supervisor)
        self.assertEqual(gift.approval_comment, "Ordinary courtesy")
        gift.action_mark_given()
        self.assertEqual(gift.state, "given")

    def test_refusal_needs_a_reason_and_ends_the_gift(self):
        gift = self.gift(5000, relative=self.relative)
        gift.action_submit()
        with self.assertRaises(UserError):
            self.decision_wizard(self.vip_admin, gift, decision="refuse").action_confirm()
        self.decision_wizard(self.vip_admin, gift, decision="refuse", comment="Too much").action_confirm()
        self.assertEqual(gift.state, "refused")
        with self.assertRaises(UserError):
            gift.action_mark_given()

    def test_top_management_decides_on_the_gift_as_it_was_sent(self):
        """Round 20: while the decision was open, the manager set the gift back to draft, made it worth a
        hundred times more and sent it again; the approval went to a value nobody saw."""
        gift = self.gift(9000, relative=self.relative)
        gift.action_submit()
        wizard = self.decision_wizard(self.supervisor, gift, decision="approve", comment="9 000 is fine")
        gift.action_reset_draft()
        gift.write({"amount": 900000})
        gift.action_submit()
        with self.assertRaisesMessage(UserError, "open it again"):
            wizard.action_confirm()
        self.assertEqual(gift.state, "to_approve")
        # opened again, the decision is on the gift as it is now
        self.decision_wizard(self.supervisor, gift, decision="refuse", comment="Far too much").action_confirm()
        self.assertEqual(gift.state, "refused")
        with self.assertRaises(AccessError):
            gift.write({"submission_count": 0})

    def test_no_approval_is_skipped_by_clearing_the_office(self):
        """Round 20: a manager cleared a relative's civil-servant flag, and a gift above the limit was handed
        over without approval, with no trace."""
        gift = self.gift(50000, relative=self.relative)
        relative = self.relative.with_user(self.manager)
        with self.assertRaisesMessage(UserError, "administrator"):
            relative.write({"is_civil_servant": False})
        with self.assertRaises(UserError):
            gift.action_mark_given()
        # a VIP administrator corrects it (a mistake), and the change is on the client's history
        self.relative.with_user(self.vip_admin).write({"is_civil_servant": False})
        note = self.env["mail.message"].search(
            [("model", "=", "vip.dossier"), ("res_id", "=", self.dossier.id)], order="id desc", limit=1
        )
        self.assertIn("civil servant", note.body)
        self.assertEqual(note.author_id, self.vip_admin.partner_id)
        # setting it is the manager's, and traced too
        relative.write({"is_civil_servant": True})
        self.assertTrue(gift.approval_required)

    def test_a_refusal_is_final(self):
        """Round 21: a refused gift, set back to draft once the relative's office was cleared, was handed
        over without approval."""
        gift = self.gift(12000, relative=self.relative)
        gift.action_submit()
        self.decision_wizard(self.supervisor, gift, decision="refuse", comment="No").action_confirm()
        with self.assertRaises(UserError):
            gift.action_reset_draft()
        with self.assertRaises(UserError):
            gift.action_mark_given()
        self.assertEqual(gift.state, "refused")

    def test_only_a_gift_handed_over_keeps_its_recipient(self):
        """Round 21: a 1 ₽ draft made a relative "kept" through an erasure, then was deleted. Only a gift
        given is a tax record; planned gifts go with a relative the system deletes, a user archives one."""
        draft = self.gift(1, relative=self.relative)
        self.assertEqual(self.relative._vip_retention_grounds(), {})
        with self.assertRaisesMessage(UserError, "Archive the relative instead"):
            self.relative.with_user(self.manager).unlink()
        self.relative.sudo().unlink()  # as an erasure does
        self.assertFalse(draft.exists())

    def test_no_one_approves_their_own_gift(self):
        gift = self.gift(5000, user=self.vip_admin, relative=self.relative)
        gift.with_user(self.vip_admin).action_submit()
        with self.assertRaisesMessage(UserError, "another member of top management"):
            gift.with_user(self.vip_admin)._vip_decide("approve")
        gift.with_user(self.supervisor)._vip_decide("approve")
        self.assertEqual(gift.state, "approved")

    def test_the_way_through_approval_is_not_written_by_hand(self):
        with self.assertRaises(AccessError):
            self.gift(5000, relative=self.relative, state="given")
        with self.assertRaises(AccessError):
            self.gift(5000, relative=self.relative, approver_id=self.supervisor.id, state="approved")
        with self.assertRaises(AccessError):
            self.Gift.with_user(self.manager).with_context(default_state="approved").create(
                {"dossier_id": self.dossier.id, "name": "Pen", "amount": 5000, "relative_id": self.relative.id}
            )
        gift = self.gift(5000, relative=self.relative)
        for values in ({"state": "given"}, {"approver_id": self.manager.id}, {"approval_comment": "ok"}):
            with self.assertRaises(AccessError):
                gift.with_user(self.manager).write(values)
        # what follows the recipient is not written by hand either
        for values in ({"approval_required": False}, {"recipient_civil_servant": False}, {"tier_id": False}):
            with self.assertRaises(AccessError):
                gift.with_user(self.manager).write(values)
        with self.assertRaises(AccessError):
            self.gift(5000, relative=self.relative, approval_required=False)
        self.assertTrue(gift.approval_required)
        # and a constraint refuses a given gift above the limit without an approval, whoever writes it
        with self.assertRaises(ValidationError):
            gift.sudo().write({"state": "given"})

    def test_an_approved_gift_keeps_its_value(self):
        gift = self.gift(5000, relative=self.relative)
        gift.action_submit()
        gift.with_user(self.supervisor)._vip_decide("approve")
        with self.assertRaises(UserError):
            gift.with_user(self.manager).write({"amount": 50000})
        with self.assertRaises(UserError):
            gift.with_user(self.manager).write({"relative_id": False})
        # back to draft to change it: the approval goes, and is asked again
        gift.with_user(self.manager).action_reset_draft()
        self.assertFalse(gift.approver_id)
        gift.with_user(self.manager).write({"amount": 50000})
        with self.assertRaises(UserError):
            gift.action_mark_given()

    def test_only_drafts_are_deleted(self):
        draft = self.gift(100)
        given = self.given(100)
        draft.with_user(self.manager).unlink()
        with self.assertRaises(UserError):
            given.with_user(self.manager).unlink()
        with self.assertRaises(UserError):
            given.with_user(self.vip_admin).unlink()

    # ------------------------------------------------------------------
    # Tax Code art. 217 p. 28: above 4,000 ₽ a person and a year
    # ------------------------------------------------------------------
    def test_tax_free_total_to_the_kopeck(self):
        Row = self.env["vip.gift.recipient.year"]
        self.given(2500, day=date(2026, 3, 1))
        self.given(1500, day=date(2026, 5, 1))
        self.given(4000.01, relative=self.other_relative, dossier=self.other_dossier, user=self.manager2)
        self.fresh()
        client = Row.search([("dossier_id", "=", self.dossier.id), ("relative_id", "=", False)])
        self.assertEqual((client.total_amount, client.taxable, client.excess_amount), (4000, False, 0))
        spouse = Row.search([("relative_id", "=", self.other_relative.id)])
        self.assertTrue(spouse.taxable)
        self.assertAlmostEqual(spouse.excess_amount, 0.01, places=2)
        # one kopeck more for the client: taxable
        self.given(0.01, day=date(2026, 12, 31))
        self.fresh()
        self.assertTrue(client.taxable)
        self.assertAlmostEqual(client.excess_amount, 0.01, places=2)

    def test_the_calendar_year_is_the_boundary(self):
        Row = self.env["vip.gift.recipient.year"]
        self.given(3000, day=date(2025, 12, 31))
        self.given(3000, day=date(2026, 1, 1))
        self.fresh()
        rows = Row.search([("dossier_id", "=", self.dossier.id)])
        self.assertEqual(sorted(rows.mapped("year")), [2025, 2026])
        self.assertFalse(any(rows.mapped("taxable")))
        gift = self.gift(1000.01, day=date(2026, 12, 31))
        self.assertTrue(gift.year_taxable, "with this gift, 2026 comes to 4,000.01")
        self.assertAlmostEqual(gift.year_total, 4000.01, places=2)
        self.assertFalse(self.gift(1000, day=date(2027, 1, 1)).year_taxable)

    def test_each_person_counts_apart_and_refused_gifts_do_not(self):
        self.given(3000)
        self.given(3000, relative=self.relative)
        refused = self.gift(3500, relative=self.relative)
        refused.action_submit()
        refused.with_user(self.supervisor)._vip_decide("refuse", "No")
        self.fresh()
        self.assertFalse(self.env["vip.gift.recipient.year"].search([("taxable", "=", True)]))
        self.assertFalse(self.Gift.search([("year_taxable", "=", True)]))
        self.given(1500)
        self.assertEqual(self.Gift.search([("year_taxable", "=", True)]).mapped("amount"), [1500, 3000])

    # ------------------------------------------------------------------
    # budget per tier and year
    # ------------------------------------------------------------------
    def test_budget_warning(self):
        """Top management weighs the tier's budget; a manager sees none of it: what the tier's gifts commit
        sums other clients' gifts, and "exceeded" tried with amounts tells the sum."""
        budget = self.env["vip.gift.budget"].create({"tier_id": self.tier.id, "year": 2026, "amount": 10000})
        first = self.given(6000)
        self.assertFalse(first.with_user(self.supervisor).budget_exceeded)
        second = self.gift(4000)
        self.assertFalse(second.with_user(self.supervisor).budget_exceeded, "exactly the budget")
        third = self.gift(0.01, day=date(2026, 7, 1))
        self.assertTrue(third.with_user(self.supervisor).budget_exceeded)
        seen_by_manager = third.with_user(self.manager)
        self.assertEqual(
            (seen_by_manager.budget_exceeded, seen_by_manager.budget_amount, seen_by_manager.budget_committed),
            (False, 0.0, 0.0),
        )
        later = self.gift(5000, day=date(2027, 1, 1))
        self.assertFalse(later.with_user(self.supervisor).budget_exceeded, "no budget for 2027")
        budget.invalidate_recordset()
        self.assertEqual((budget.spent, budget.committed, budget.gift_count), (6000, 10000.01, 3))
        self.assertAlmostEqual(budget.remaining, -0.01, places=2)

    def test_budget_is_configuration(self):
        values = {"tier_id": self.tier.id, "year": 2026, "amount": 1000}
        for user in (self.manager, self.supervisor, self.employee):
            with self.assertRaises(AccessError):
                self.env["vip.gift.budget"].with_user(user).create(values)
        budget = self.env["vip.gift.budget"].with_user(self.vip_admin).create(values)
        self.assertEqual(budget.with_user(self.supervisor).amount, 1000)
        with self.assertRaises(AccessError):
            budget.with_user(self.manager).read(["amount"])
        with self.assertRaises(ValidationError):
            budget.amount = -1

    # ------------------------------------------------------------------
    # input
    # ------------------------------------------------------------------
    def test_bad_values_are_refused(self):
        for amount in (0, -5, float("nan"), float("inf"), 10**13):
            with self.assertRaises(ValidationError):
                self.gift(amount)
        for day in ("2026-02-30", "tomorrow"):
            with self.assertRaises(ValidationError):
                self.gift(100, day=day)
        with self.assertRaises(ValidationError):
            self.gift(100, name="x" * 300)
        with self.assertRaises(ValidationError):
            self.gift(100, occasion="a\x00b")

    def test_a_client_deleted_takes_its_gifts(self):
        gift = self.given(1000, relative=self.relative)
        # a relative who received a gift is archived, not deleted: the gift is a tax record
        with mute_logger("odoo.sql_db"), self.assertRaises(Exception), self.env.cr.savepoint():  # noqa: B017
            self.relative.unlink()
        self.dossier.with_user(self.vip_admin).unlink()
        self.assertFalse(gift.exists())
