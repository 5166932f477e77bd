# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests.common import tagged

from .common import VipCalendarCase


@tagged("post_install", "-at_install")
class TestVipReminderOutcome(VipCalendarCase):
    """A key-date greeting is completed in one step that asks how it went; reminders are the run's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2026-06-01 09:00:00"):
            cls.other_dossier.write({"consent_date": "2020-01-01", "birth_date": "1975-06-21"})
            cls.env.flush_all()
        with freeze_time("2026-06-14 06:00:00"):
            cls.env["vip.key.date"]._cron_create_reminders()
        cls.reminder = cls.Reminder.search([("dossier_id", "=", cls.dossier.id)])
        cls.other_reminder = cls.Reminder.search([("dossier_id", "=", cls.other_dossier.id)])
        cls.task = cls.reminder.activity_id

    def setUp(self):
        super().setUp()
        self.assertEqual((len(self.reminder), len(self.other_reminder)), (1, 1))
        self.assertTrue(self.task and self.other_reminder.activity_id)

    def wizard(self, user, reminder=None, **values):
        """The outcome wizard as the task's Mark Done opens it, filled with ``values``."""
        activity = (reminder or self.reminder).activity_id
        action = activity.with_user(user).action_vip_record_outcome()
        Wizard = self.env[action["res_model"]].with_user(user).with_context(**action["context"])
        return Wizard.create(values)

    def interactions(self):
        return self.env["vip.interaction"].search(
            [("dossier_id", "=", self.dossier.id), ("channel", "=", "congratulation")]
        )

    # ------------------------------------------------------------------
    # the outcome, asked when the task is done
    # ------------------------------------------------------------------
    def test_greeting_tasks_ask_the_outcome(self):
        """The chatter learns which tasks open the outcome wizard: greetings, not other tasks."""
        todo = self.dossier.activity_schedule("mail.mail_activity_data_todo", user_id=self.manager.id)
        Activity = self.env["mail.activity"].with_user(self.manager)
        self.assertTrue(Activity.browse(self.task.id).vip_greeting_task)
        self.assertFalse(Activity.browse(todo.id).vip_greeting_task)
        with self.assertRaises(UserError):
            todo.with_user(self.manager).action_vip_record_outcome()

    def test_could_not_reach_is_recorded_with_one_interaction(self):
        before = self.interactions()
        with freeze_time("2026-06-20 10:00:00"):
            self.wizard(self.manager, outcome="unreachable", note="No answer, voicemail left").action_confirm()
        self.assertFalse(self.task.exists(), "the task is done")
        self.assertEqual(self.reminder.outcome, "unreachable", "not «Congratulated»")
        self.assertEqual(self.reminder.done_date, date(2026, 6, 20))
        self.assertEqual(self.reminder.status, "done")
        interaction = self.interactions() - before
        self.assertEqual(len(interaction), 1, "one interaction, written in the same step")
        self.assertEqual(interaction.user_id, self.manager)
        self.assertIn("No answer, voicemail left", interaction.outcome)
        self.assertIn("Unreachable", interaction.outcome)

    def test_congratulated(self):
        """By the deputy: the manager's task, its private event on the manager's calendar."""
        with freeze_time("2026-06-20 10:00:00"):
            self.wizard(self.deputy, outcome="done").action_confirm()
        self.assertEqual((self.reminder.outcome, self.reminder.on_time), ("done", True))
        self.assertEqual(len(self.interactions().filtered(lambda i: i.user_id == self.deputy)), 1)

    def test_plain_mark_done_assumes_no_outcome(self):
        """Marking the task done without the wizard (over the API) keeps when, and claims nothing of how."""
        with freeze_time("2026-06-20 10:00:00"):
            self.task.with_user(self.manager).action_feedback(feedback="could not reach the client")
        self.assertEqual(self.reminder.done_date, date(2026, 6, 20))
        self.assertFalse(self.reminder.outcome)

    def test_postponing_moves_the_task_and_records_rescheduled(self):
        before = self.interactions()
        with freeze_time("2026-06-20 10:00:00"):
            with self.assertRaises(UserError):
                self.wizard(self.manager, outcome="rescheduled", new_date=date(2026, 6, 19)).action_confirm()
            self.wizard(self.manager, outcome="rescheduled", new_date=date(2026, 6, 23)).action_confirm()
        self.assertEqual(self.task.date_deadline, date(2026, 6, 23), "the task moves, still open")
        self.assertEqual(self.reminder.outcome, "rescheduled")
        self.assertFalse(self.reminder.done_date)
        self.assertEqual(self.reminder.status, "late", "the date has passed")
        self.assertEqual(self.interactions(), before, "nobody was congratulated yet")
        with freeze_time("2026-06-23 10:00:00"):
            self.wizard(self.manager, outcome="done", note="Called back, very pleased").action_confirm()
        self.assertEqual((self.reminder.outcome, self.reminder.done_date), ("done", date(2026, 6, 23)))
        self.assertFalse(self.reminder.on_time, "done after the date")
        self.assertEqual(len(self.interactions() - before), 1)

    def test_the_outcome_is_recorded_once(self):
        self.wizard(self.manager, outcome="declined").action_confirm()
        with self.assertRaises(UserError):
            self.env["vip.key.date.outcome.wizard"].with_user(self.manager).create(
                {"reminder_id": self.reminder.id, "outcome": "done"}
            )

    # ------------------------------------------------------------------
    # who may record it
    # ------------------------------------------------------------------
    def test_only_the_clients_managers_record_the_outcome(self):
        """A manager of other clients, a supervisor (reads all, changes nothing) or an emergency reader
        cannot open the wizard on a client's reminder, nor complete its task through it."""
        Wizard = self.env["vip.key.date.outcome.wizard"]
        for user in (self.manager2, self.supervisor, self.emergency, self.employee):
            with self.subTest(user=user.login):
                self.fresh()
                with self.assertRaises(AccessError):
                    self.task.with_user(user).action_vip_record_outcome()
                with self.assertRaises(AccessError):
                    Wizard.with_user(user).create({"reminder_id": self.reminder.id, "outcome": "done"})
                with self.assertRaises(AccessError):
                    Wizard.with_user(user).with_context(default_reminder_id=self.reminder.id).create(
                        {"outcome": "done"}
                    )
        self.assertTrue(self.task.exists())
        self.assertFalse(self.reminder.outcome)

    def test_a_wizard_cannot_be_pointed_at_another_clients_reminder(self):
        wizard = self.wizard(self.manager, outcome="done")
        with self.assertRaises(AccessError):
            wizard.write({"reminder_id": self.other_reminder.id})
            wizard.action_confirm()
        self.assertTrue(self.other_reminder.activity_id.exists())
        self.assertFalse(self.other_reminder.outcome)

    # ------------------------------------------------------------------
    # reminders are the run's
    # ------------------------------------------------------------------
    def test_managers_record_the_outcome_and_nothing_else(self):
        """Not the state (a reminder «Skipped» while its task stays open), not when it was done, not the
        on-time figures: JSON-RPC writes as with_user does."""
        reminder = self.reminder.with_user(self.manager)
        for vals in (
            {"state": "skipped"},
            {"state": "cancelled"},
            {"skip_reason": "consent"},
            {"done_date": "2026-06-15"},
            {"on_time": True},
            {"on_time_rate": 100},
            {"sms_planned": True},
            {"manager_id": self.manager2.id},
            {"occurrence_date": "2026-06-25"},
            {"outcome": "done", "state": "skipped"},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                reminder.write(vals)
        reminder.write({"outcome": "declined"})
        self.fresh()
        self.assertEqual((self.reminder.state, self.reminder.outcome), ("open", "declined"))
        self.assertFalse(self.reminder.done_date)

    def test_moving_a_date_still_cancels_its_reminder(self):
        """The run's state is written by the system when a manager moves a date (no door left ajar)."""
        with freeze_time("2026-06-15 10:00:00"):
            self.reminder.key_date_id.with_user(self.manager).write({"base_date": date(1970, 6, 25)})
        self.assertEqual(self.reminder.state, "cancelled")
        self.assertFalse(self.task.exists())

    def test_an_empty_occurrence_date_does_not_break_the_form(self):
        """A new reminder's form (as the phone's «Add» opened) computes its figures without a date."""
        result = self.Reminder.with_user(self.manager).onchange(
            {}, [], {"state": {}, "occurrence_date": {}, "on_time": {}, "on_time_rate": {}}
        )
        self.assertEqual(result["value"]["on_time_rate"], 100)
        self.assertFalse(result["value"]["on_time"])

    # ------------------------------------------------------------------
    # the on-time share
    # ------------------------------------------------------------------
    def test_on_time_share_counts_only_the_reminders_due(self):
        """Skipped and cancelled reminders were never to be acted on: they are left out of the share."""
        with freeze_time("2026-06-20 10:00:00"):
            self.task.action_feedback()
        key_date = self.reminder.key_date_id
        skipped, cancelled = self.Reminder.create(
            [
                {
                    "key_date_id": key_date.id,
                    "dossier_id": self.dossier.id,
                    "occurrence_date": date(2024, 6, 20),
                    "state": "skipped",
                    "skip_reason": "consent",
                },
                {
                    "key_date_id": key_date.id,
                    "dossier_id": self.dossier.id,
                    "occurrence_date": date(2025, 6, 20),
                    "state": "cancelled",
                },
            ]
        )
        self.assertEqual((skipped.on_time_rate, cancelled.on_time_rate), (0, 0))
        domain = [("dossier_id", "=", self.dossier.id)]
        for user in (self.manager, self.supervisor):
            with self.subTest(user=user.login):
                Reminder = self.Reminder.with_user(user)
                groups = Reminder._read_group(domain, ["manager_id"], ["on_time_rate:avg", "__count"])
                self.assertEqual(groups, [(self.manager, 100.0, 3)])
                # as the pivot asks
                [group] = Reminder.read_group(domain, ["on_time_rate:avg"], ["manager_id"])
                self.assertEqual(group["on_time_rate"], 100.0)
        only_skipped = self.Reminder._read_group([("id", "=", skipped.id)], [], ["on_time_rate:avg"])
        self.assertNotIsInstance(only_skipped[0][0], float, "nothing due: no share (not 0 %)")
