# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import ast
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.vip_security.tests.common import VipSecurityCase


@tagged("post_install", "-at_install")
class TestTaskControl(VipSecurityCase):
    """Top management controls the managers' tasks: it comments on them, gives them to the client's
    other manager and escalates them; it never completes, cancels or snoozes them, and nobody else
    uses the control."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["vip.dossier"])
        cls.late = cls.dossier.activity_schedule(
            "mail.mail_activity_data_todo",
            summary="Call about the deposit",
            date_deadline=cls.today - timedelta(days=3),
            user_id=cls.manager.id,
        )
        cls.other_late = cls.other_dossier.activity_schedule(
            "mail.mail_activity_data_todo", date_deadline=cls.today - timedelta(days=1), user_id=cls.manager2.id
        )

    def control(self, user, activity, action, **values):
        opened = getattr(activity.with_user(user), f"action_vip_{action}")()
        # as the web client calls it: from the task's form, the task in the context
        opened["context"].update(active_model="mail.activity", active_id=activity.id, active_ids=activity.ids)
        wizard = self.env["vip.task.control.wizard"].with_user(user).with_context(**opened["context"]).create(values)
        return wizard.action_confirm()

    def last_note(self, dossier):
        return self.env["mail.message"].search(
            [("model", "=", "vip.dossier"), ("res_id", "=", dossier.id)], order="id desc", limit=1
        )

    def test_escalate_a_late_task(self):
        self.control(self.supervisor, self.late, "escalate", note="Call the client today, please.")
        self.fresh()
        self.assertEqual(self.late.vip_escalated_by_id, self.supervisor)
        self.assertTrue(self.late.vip_escalated_on)
        self.assertEqual(self.late.user_id, self.manager, "escalating keeps the task with its manager")
        note = self.last_note(self.dossier)
        self.assertIn("3 days ago", note.body)
        self.assertIn("Call the client today", note.body)
        self.assertEqual(note.author_id, self.supervisor.partner_id)
        self.assertIn(self.manager.partner_id, note.partner_ids, "the manager is told")
        self.assertIn(self.deputy.partner_id, note.partner_ids, "and so is the deputy")
        # the escalation is found in the control list
        self.assertIn(
            self.late,
            self.env["mail.activity"].with_user(self.supervisor).search([("vip_escalated_on", "!=", False)]),
        )

    def test_escalation_with_a_new_due_date(self):
        self.control(
            self.supervisor,
            self.late,
            "escalate",
            note="By Friday at the latest.",
            new_deadline=self.today + timedelta(2),
        )
        self.assertEqual(self.late.date_deadline, self.today + timedelta(2))
        with self.assertRaisesMessage(UserError, "cannot be in the past"):
            self.control(
                self.supervisor, self.late, "escalate", note="Yesterday.", new_deadline=self.today - timedelta(1)
            )

    def test_escalating_needs_a_comment(self):
        with self.assertRaisesMessage(UserError, "comment is required"):
            self.control(self.supervisor, self.late, "escalate", note="   ")
        self.assertFalse(self.late.vip_escalated_on, "nothing was saved")

    def test_reassign_to_the_clients_other_manager(self):
        self.control(self.supervisor, self.late, "reassign", user_id=self.deputy.id)
        self.fresh()
        self.assertEqual(self.late.user_id, self.deputy)
        note = self.last_note(self.dossier)
        self.assertIn(f"from {self.manager.name} to Deputy", note.body)
        # the deputy now works the task; top management still may not
        self.late.with_user(self.deputy).action_feedback(feedback="Called.")
        self.assertFalse(self.late.exists())

    def test_reassign_only_to_a_manager_of_the_client(self):
        """A task given to someone who cannot read the client would be a door: hand the client over first."""
        for outsider in (self.manager2, self.employee):
            with self.assertRaisesMessage(UserError, "hand it over first"):
                self.control(self.supervisor, self.late, "reassign", user_id=outsider.id)
        self.assertEqual(self.late.user_id, self.manager)

    def test_comment_notifies_the_manager(self):
        self.control(self.supervisor, self.late, "comment", note="What did the client say?")
        note = self.last_note(self.dossier)
        self.assertIn("What did the client say?", note.body)
        self.assertIn(self.manager.partner_id, note.partner_ids)
        self.assertFalse(self.late.vip_escalated_on)

    def test_only_top_management_controls_tasks(self):
        """Managers, employees and emergency readers reach the control neither through the task nor by
        creating the wizard themselves; another manager's wizard cannot point at a client not theirs."""
        for user in (self.manager, self.manager2, self.employee, self.emergency):
            with self.assertRaises(AccessError):
                self.late.with_user(user).action_vip_escalate()
            with self.assertRaises(AccessError):
                self.env["vip.task.control.wizard"].with_user(user).create(
                    {"activity_id": self.late.id, "action": "escalate", "note": "Hurry up."}
                )
        self.assertFalse(self.late.vip_escalated_on)

    def test_escalation_is_not_written_by_hand(self):
        """The manager cannot mark their own task escalated (or clear the mark) by writing the field."""
        with self.assertRaises(AccessError):
            self.late.with_user(self.manager).write({"vip_escalated_on": fields.Datetime.now()})
        with self.assertRaises(AccessError):
            self.env["mail.activity"].with_user(self.manager).create(
                {
                    "res_model_id": self.env["ir.model"]._get_id("vip.dossier"),
                    "res_id": self.dossier.id,
                    "user_id": self.manager.id,
                    "vip_escalated_by_id": self.supervisor.id,
                }
            )
        # nor through the defaults of the context, which core applies after the values are checked
        with self.assertRaises(AccessError):
            self.env["mail.activity"].with_user(self.manager).with_context(
                default_vip_escalated_on=fields.Datetime.now(), default_vip_escalated_by_id=self.supervisor.id
            ).create(
                {
                    "res_model_id": self.env["ir.model"]._get_id("vip.dossier"),
                    "res_id": self.dossier.id,
                    "user_id": self.deputy.id,
                }
            )
        self.control(self.supervisor, self.late, "escalate", note="Call the client today, please.")
        with self.assertRaises(AccessError):
            self.late.with_user(self.manager).write({"vip_escalated_on": False})

    def test_top_management_still_does_not_work_the_tasks(self):
        for method in ("action_feedback", "action_cancel", "action_snooze", "unlink"):
            with self.assertRaises(AccessError, msg=method):
                getattr(self.late.with_user(self.supervisor), method)()
        self.assertTrue(self.late.exists())

    def test_the_control_screen_shows_every_managers_tasks_late_first(self):
        """The task control screen shows every manager's tasks to the supervisor, late ones first; a
        manager finds there none of another manager's tasks."""
        action = self.env["ir.actions.act_window"]._for_xml_id("vip_task_control.vip_activity_action")
        oldest = self.other_dossier.activity_schedule(
            "mail.mail_activity_data_todo", date_deadline="2020-01-01", user_id=self.manager2.id
        )
        domain = ast.literal_eval(action["domain"])
        found = self.env["mail.activity"].with_user(self.supervisor).search(domain, order="date_deadline")
        self.assertEqual(found[:1], oldest)
        self.assertIn(self.late, found)
        self.assertIn(self.other_late, found)
        seen_by_manager = self.env["mail.activity"].with_user(self.manager).search(domain)
        self.assertFalse(seen_by_manager & (oldest | self.other_late))


@tagged("post_install", "-at_install")
class TestTaskControlOfABranch(VipSecurityCase):
    """A branch head controls the tasks of their branch's clients, and no other."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._make_branches()

    def test_task_control_of_the_branch_only(self):
        self.task.with_user(self.head).action_vip_escalate()
        with self.assertRaises(AccessError):
            self.other_task.with_user(self.head).action_vip_escalate()
        with self.assertRaises(AccessError):
            self.env["vip.task.control.wizard"].with_user(self.head).create(
                {"activity_id": self.other_task.id, "action": "escalate", "note": "Hurry up, please."}
            )
