# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.vip_request.models.vip_request import add_working_days

from .common import TODAY, VipRequestCase


@tagged("post_install", "-at_install")
class TestVipRequest(VipRequestCase):
    def give_answer_tasks(self, dossier):
        give = self.env.ref("vip_request.mail_activity_type_give_answer")
        return self.env["mail.activity"].search(
            [("res_model", "=", "vip.dossier"), ("res_id", "=", dossier.id), ("activity_type_id", "=", give.id)]
        )

    # ------------------------------------------------------------------
    # the promised date
    # ------------------------------------------------------------------
    def test_working_days(self):
        self.assertEqual(add_working_days(date(2026, 6, 3), 3), date(2026, 6, 8), "Wednesday + 3 = Monday")
        self.assertEqual(add_working_days(date(2026, 6, 5), 1), date(2026, 6, 8), "Friday + 1 = Monday")
        self.assertEqual(add_working_days(date(2026, 6, 6), 1), date(2026, 6, 8), "Saturday + 1 = Monday")
        self.assertEqual(add_working_days(date(2026, 12, 31), 2), date(2027, 1, 4), "over the year end")

    def test_due_date_from_the_areas_response_time(self):
        self.assertEqual(self.request.due_date, date(2026, 6, 8))
        self.assertEqual(self.request.expert_id, self.expert, "the area's expert")
        self.assertEqual(self.request.user_id, self.manager)
        with freeze_time("2026-06-05 09:00:00"):
            friday = self.new_request(self.manager, self.dossier)
            self.assertEqual(friday.due_date, date(2026, 6, 10))
            # logged late: the promise starts today at the earliest, never in the past
            late = self.new_request(self.manager, self.dossier, received_date="2026-05-20")
            self.assertEqual(late.due_date, date(2026, 6, 5))
            # a date set by hand wins; a new area moves only a request not sent yet
            late.due_date = "2026-06-20"
            self.assertEqual(late.due_date, date(2026, 6, 20))

    def test_bad_dates_are_refused_with_a_clear_message(self):
        with freeze_time(TODAY):
            with self.assertRaisesMessage(ValidationError, "received in the future"):
                self.new_request(self.manager, self.dossier, received_date="2026-06-04")
            with self.assertRaisesMessage(ValidationError, "already past"):
                self.new_request(self.manager, self.dossier, received_date="2026-06-01", due_date="2026-06-02")
            with self.assertRaisesMessage(ValidationError, "before the question was received"):
                self.new_request(self.manager, self.dossier, received_date="2026-06-03", due_date="2026-06-02")
            early = self.new_request(self.manager, self.dossier, received_date="2026-05-25")
            with self.assertRaisesMessage(ValidationError, "already past"):
                early.with_user(self.manager).write({"due_date": "2026-06-01"})
            with self.assertRaisesMessage(ValidationError, "not a date"):
                self.request.with_user(self.manager).write({"due_date": "2026-02-30"})
            with self.assertRaisesMessage(ValidationError, "in the future"):
                self.request.with_user(self.manager).write({"answer_date": "2026-07-01"})
            with self.assertRaisesMessage(ValidationError, "too long"):
                self.request.with_user(self.manager).write({"question": "x" * 10001})
            with self.assertRaisesMessage(ValidationError, "needs the client's question"):
                self.new_request(self.manager, self.dossier, question="   ")
            with self.assertRaisesMessage(ValidationError, "1 to 60 working days"):
                self.area.response_days = 0
        # in the manager's language
        self.env["res.lang"]._activate_lang("ru_RU")
        self.env["ir.module.module"]._load_module_terms(["vip_request"], ["ru_RU"])
        with freeze_time(TODAY), self.assertRaisesMessage(ValidationError, "уже прош"):
            early.with_user(self.manager).with_context(lang="ru_RU").write({"due_date": "2026-06-01"})
        self.assertEqual(early.due_date, date(2026, 6, 3), "nothing saved")

    # ------------------------------------------------------------------
    # the flow
    # ------------------------------------------------------------------
    def test_state_flow(self):
        request = self.request.with_user(self.manager)
        chase = self.env.ref("vip_request.mail_activity_type_expert_answer")
        with freeze_time(TODAY):
            with self.assertRaises(UserError):
                request.action_record_answer()
            with self.assertRaises(UserError):
                request.action_close()
            request.routing_note = "Can a tax deduction for an IIA be claimed for three past years at once?"
            mails = self.env["mail.mail"].search([])
            request.action_send_to_expert()
            self.assertEqual((request.state, request.sent_date), ("expert", date(2026, 6, 3)))
            # the expert's task: an e-mail on no record, with what the manager wrote, nothing of the client
            mail = self.env["mail.mail"].search([]) - mails
            self.assertEqual(len(mail), 1)
            self.assertEqual(mail.recipient_ids, self.expert.partner_id)
            self.assertFalse(mail.model or mail.res_id)
            self.assertIn("three past years", mail.body_html)
            self.assertNotIn(self.dossier.name, mail.body_html)
            self.assertNotIn(self.dossier.name, mail.subject)
            # the manager chases it on the request, due the promised day
            task = request.activity_ids
            self.assertEqual(
                (task.activity_type_id, task.user_id, task.date_deadline), (chase, self.manager, request.due_date)
            )
            with self.assertRaisesMessage(UserError, "answer first"):
                request.action_record_answer()
            request.answer = "Yes, for the three past years, with a declaration for each."
        with freeze_time("2026-06-05 10:00:00"):  # a Friday: the follow-up is due on Monday
            request.action_record_answer()
            self.assertEqual((request.state, request.answer_date), ("answered", date(2026, 6, 5)))
            self.assertFalse(request.activity_ids, "the chase is over")
            follow_up = request.follow_up_activity_id
            self.assertEqual(follow_up, self.give_answer_tasks(self.dossier))
            self.assertEqual((follow_up.user_id, follow_up.date_deadline), (self.manager, date(2026, 6, 8)))
            self.assertIn("declaration", str(follow_up.note))
            self.assertFalse(request.is_overdue)
            with self.assertRaises(UserError):
                request.action_cancel()
            with self.assertRaises(UserError):
                request.action_send_to_expert()
            request.action_close()
        self.assertEqual(request.state, "closed")
        self.assertFalse(self.give_answer_tasks(self.dossier), "the client has the answer: the task is done")

    def test_follow_up_is_made_once_for_who_gets_the_clients_tasks(self):
        self.manager.vip_absent = True  # away: the deputy gives the answer
        request = self.request.with_user(self.manager)
        with freeze_time(TODAY):
            request.action_send_to_expert()
            request.answer = "Yes."
            request.action_record_answer()
            with self.assertRaises(UserError):
                request.action_record_answer()
            # a user does not put it back by hand; even put back (as the system) and answered again, the
            # client gets one task
            with self.assertRaises(AccessError):
                request.write({"state": "expert"})
            request.sudo().write({"state": "expert"})
            request.action_record_answer()
        tasks = self.give_answer_tasks(self.dossier)
        self.assertEqual(len(tasks), 1)
        self.assertEqual(tasks.user_id, self.deputy)
        self.assertEqual(tasks, self.request.follow_up_activity_id)

    def test_cancel(self):
        request = self.request.with_user(self.manager)
        with freeze_time(TODAY):
            request.action_send_to_expert()
            request.action_cancel()
        self.assertEqual(request.state, "cancelled")
        self.assertFalse(request.activity_ids)
        self.assertFalse(request.is_overdue)

    def test_an_answered_request_has_its_answer(self):
        with self.assertRaisesMessage(ValidationError, "needs the answer"):
            self.request.sudo().write({"state": "answered"})

    def test_where_a_request_stands_is_the_buttons(self):
        """Round 20: a manager wrote a request's state, the day it was sent, its follow-up task and its
        manager by hand — a request closed without an expert, or overdue under a colleague's name in top
        management's overview."""
        request = self.request.with_user(self.manager)
        forged = (
            {"state": "closed"},
            {"sent_date": date(2020, 1, 1)},
            {"user_id": self.manager2.id},
            {"follow_up_activity_id": False},
        )
        for values in forged:
            with self.subTest(values=values):
                with self.assertRaises(AccessError):
                    request.write(values)
                if not any(values.values()):
                    continue  # born without a follow-up is how a request is born
                with self.assertRaises(AccessError):
                    self.new_request(self.manager, self.dossier, **values)
                with self.assertRaises(AccessError):
                    self.Request.with_user(self.manager).with_context(
                        **{f"default_{key}": value for key, value in values.items()}
                    ).create({"dossier_id": self.dossier.id, "question": "Q", "area_id": self.area.id})
        # round 21: nor through defaults the manager saves for themselves
        self.env["ir.default"].with_user(self.manager).set("vip.request", "state", "closed", user_id=True)
        with self.assertRaises(AccessError):
            self.new_request(self.manager, self.dossier)
        self.assertEqual((self.request.state, self.request.user_id), ("new", self.manager))

    def test_overdue(self):
        with freeze_time(TODAY):
            self.request.with_user(self.manager).action_send_to_expert()
            fresh = self.new_request(self.manager, self.dossier)
        with freeze_time("2026-06-09 09:00:00"):  # the day after the promised Monday
            self.fresh()
            overdue = self.Request.with_user(self.manager).search([("is_overdue", "=", True)])
            self.assertEqual(overdue, self.request | fresh)
            self.assertTrue(self.request.is_overdue)
            self.assertNotIn(self.request, self.Request.search([("is_overdue", "=", False)]))
            self.assertNotIn(self.request, self.Request.search([("is_overdue", "!=", True)]))
            # answered: no longer overdue
            self.request.with_user(self.manager).write({"answer": "Yes.", "answer_date": "2026-06-09"})
            self.request.with_user(self.manager).action_record_answer()
            self.assertFalse(self.request.is_overdue)
            self.assertEqual(self.Request.with_user(self.manager).search([("is_overdue", "=", True)]), fresh)
            # top management sees it per manager in the overview
            overview = self.env["vip.overview"].with_user(self.supervisor).get_overview()["requests"]
            mine = next(row for row in overview["managers"] if row["id"] == self.manager.id)
            self.assertEqual((mine["count"], mine["days"]), (1, 1))
            action = self.env["vip.overview"].with_user(self.supervisor).action_overdue_requests(self.manager.id)
            self.assertEqual(action["res_model"], "vip.request")
            self.assertEqual(action["context"]["search_default_overdue"], 1)
