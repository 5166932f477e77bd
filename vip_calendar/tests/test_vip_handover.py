# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user
from odoo.tests.common import tagged

from .common import VipCalendarCase


@tagged("post_install", "-at_install")
class TestVipHandoverKeyDates(VipCalendarCase):
    """A handover moves the manager's key-date work to come; what is done or past stays as history."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.successor = new_test_user(cls.env, "vip_t_successor", groups="vip_dossier.group_vip_manager")
        cls.successor.tz = "Europe/Moscow"
        with freeze_time("2026-06-01 09:00:00"):
            # reminded on 3 June, done on 10 June: history
            cls.done_date = cls._occasion(cls.dossier, "Done Occasion", "2020-06-10")
            # reminded on 5 June, its day passed on 12 June, its task still open: overdue work
            cls.late_date = cls._occasion(cls.dossier, "Late Occasion", "2020-06-12")
            # manager2's client, whom the manager stands in for while manager2 is away
            cls.other_dossier.write(
                {"deputy_id": cls.manager.id, "consent_date": "2020-01-01", "birth_date": "1980-06-25"}
            )
            cls.env.flush_all()

    @classmethod
    def _occasion(cls, dossier, name, base_date):
        return cls.env["vip.key.date"].create(
            {
                "dossier_id": dossier.id,
                "type_id": cls.env.ref("vip_calendar.key_date_type_custom").id,
                "name": name,
                "base_date": base_date,
                "lead_days": 7,
            }
        )

    def _run(self, moment):
        with freeze_time(moment):
            self.run_cron()
            self.env.flush_all()

    def _reminder(self, key_date):
        return self.Reminder.search([("key_date_id", "=", key_date.id)])

    def _prepare(self):
        """Run the key dates from 3 to 18 June 2026; return the reminders by what they are."""
        self._run("2026-06-05 06:00:00")
        with freeze_time("2026-06-10 09:00:00"):
            self._reminder(self.done_date).activity_id.with_user(self.manager).action_done()
        self.manager2.vip_absent = True
        self._run("2026-06-18 06:00:00")  # the client's birthday (20 June) and the other client's (25 June)
        reminders = {
            "done": self._reminder(self.done_date),
            "late": self._reminder(self.late_date),
            "birthday": self.reminders().filtered(lambda r: r.occurrence_date == date(2026, 6, 20)),
            "deputised": self.reminders(self.other_dossier).filtered(lambda r: r.occurrence_date == date(2026, 6, 25)),
        }
        for name, reminder in reminders.items():
            self.assertEqual(len(reminder), 1, name)
            self.assertEqual(reminder.user_id, self.manager, name)
            self.assertEqual(reminder.event_id.user_id, self.manager, name)
        self.assertTrue(reminders["done"].done_date)
        self.assertFalse(reminders["done"].activity_id)
        return reminders

    def test_handover_moves_the_key_date_work_to_come(self):
        reminders = self._prepare()
        with freeze_time("2026-06-19 09:00:00"):
            form = Form(self.env["vip.handover.wizard"].with_user(self.vip_admin))
            form.from_user_id = self.manager
            form.to_user_id = self.successor
            self.assertEqual(form.event_count, 0, "nothing selected, nothing to move")
            form.all_clients = True
            # open tasks: the late one, the birthday, the deputised birthday; events: the two birthdays
            self.assertEqual((form.dossier_count, form.activity_count, form.event_count), (2, 3, 2))
            form.save().action_handover()
        self.fresh()
        for name in ("birthday", "deputised"):
            reminder = reminders[name]
            event = reminder.event_id
            with self.subTest(name):
                self.assertEqual(reminder.user_id, self.successor)
                self.assertEqual(reminder.activity_id.user_id, self.successor)
                self.assertEqual(event.user_id, self.successor)
                self.assertEqual(event.partner_ids, self.successor.partner_id)
                self.assertEqual(
                    (event.attendee_ids.partner_id, event.attendee_ids.state, event.attendee_ids.common_name),
                    (self.successor.partner_id, "accepted", self.successor.partner_id.name),
                )
                self.assertFalse(event.message_follower_ids, "a private reminder has no follower")
                self.assertEqual(reminder.activity_id.calendar_event_id, event)
        self.assertEqual(reminders["birthday"].manager_id, self.successor)
        self.assertEqual(reminders["deputised"].manager_id, self.manager2, "the client's manager stays")
        # an overdue task is work to come; its past event is history
        late = reminders["late"]
        self.assertEqual((late.user_id, late.activity_id.user_id), (self.successor, self.successor))
        self.assertEqual(late.event_id.user_id, self.manager)
        # a done task and its past event stay as they were
        done = reminders["done"]
        self.assertEqual((done.user_id, done.event_id.user_id), (self.manager, self.manager))
        self.assertEqual(done.manager_id, self.manager, "what was done counts for who did it")
        self.assertEqual(done.event_id.partner_ids, self.manager.partner_id)
        # the new manager sees the events on their calendar, the old one no longer
        Event = self.env["calendar.event"]
        moved = reminders["birthday"].event_id | reminders["deputised"].event_id
        self.assertEqual(Event.with_user(self.successor).search([("id", "in", moved.ids)]), moved)
        self.assertFalse(Event.with_user(self.manager).search([("id", "in", moved.ids)]))

    def test_a_selection_moves_only_its_clients_events(self):
        reminders = self._prepare()
        with freeze_time("2026-06-19 09:00:00"):
            self.env["vip.handover.wizard"].with_user(self.vip_admin).create(
                {
                    "from_user_id": self.manager.id,
                    "to_user_id": self.successor.id,
                    "dossier_ids": [(6, 0, self.other_dossier.ids)],
                }
            ).action_handover()
        self.fresh()
        self.assertEqual(reminders["deputised"].event_id.user_id, self.successor)
        self.assertEqual(reminders["birthday"].user_id, self.manager)
        self.assertEqual(reminders["birthday"].event_id.user_id, self.manager)

    def test_insider_cannot_move_events_of_clients_not_theirs(self):
        """The manager of other clients can neither run a handover nor move a client's events and reminders
        themselves; nor can the client's own manager hand their reminders to someone else."""
        reminders = self._prepare()
        birthday = reminders["birthday"]
        event = birthday.event_id
        wizard = (
            self.env["vip.handover.wizard"]
            .with_user(self.vip_admin)
            .create({"from_user_id": self.manager.id, "to_user_id": self.manager2.id, "all_clients": True})
        )
        self.fresh()
        with self.assertRaises(AccessError):
            wizard.with_user(self.manager2).action_handover()
        with self.assertRaises(AccessError):
            self.env["vip.handover.wizard"].with_user(self.manager2).create(
                {"from_user_id": self.manager.id, "to_user_id": self.manager2.id, "dossier_ids": self.dossier.ids}
            )
        with self.assertRaises(AccessError):
            event.with_user(self.manager2).write({"user_id": self.manager2.id})
        with self.assertRaises(AccessError):
            birthday.with_user(self.manager2).write({"user_id": self.manager2.id})
        with self.assertRaises(AccessError):
            birthday.with_user(self.manager).write({"user_id": self.manager2.id})
        self.fresh()
        self.assertEqual((birthday.user_id, event.user_id), (self.manager, self.manager))
        self.assertEqual(self.dossier.user_id, self.manager)

    def test_the_wizard_speaks_russian(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.env["ir.module.module"]._load_module_terms(
            ["vip_dossier", "vip_security", "vip_calendar"], ["ru_RU"], overwrite=True
        )
        Wizard = self.env["vip.handover.wizard"].with_user(self.vip_admin).with_context(lang="ru_RU")
        arch = Wizard.get_view(view_type="form")["arch"]
        self.assertIn("Что будет передано", arch)
        self.assertIn("Передать выбранных клиентов новому менеджеру", arch)
        labels = Wizard.fields_get(["all_clients", "activity_count", "event_count"], ["string"])
        self.assertEqual(labels["all_clients"]["string"], "Все клиенты этого менеджера")
        self.assertEqual(labels["event_count"]["string"], "Будущих событий по ключевым датам к передаче")
        self.assertEqual(
            self.env["vip.income"].with_context(lang="ru_RU").fields_get(["user_id"], ["string"])["user_id"]["string"],
            "Кем заработано",
        )
        wizard = Wizard.create({"from_user_id": self.manager.id, "to_user_id": self.successor.id})
        with self.assertRaisesMessage(UserError, "Выберите клиентов"):
            wizard.action_handover()
