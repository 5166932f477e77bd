# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A relative who died, the client's do-not-disturb periods and the «fill the gaps» task, stepped
through days under freezegun, and attacked as the threat model says."""

from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import VipCalendarCase


@tagged("post_install", "-at_install")
class TestVipFamilyEvents(VipCalendarCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.condolence = cls.env.ref("vip_calendar.mail_activity_type_condolence")
        cls.gaps = cls.env.ref("vip_calendar.mail_activity_type_fill_gaps")
        cls.QuietPeriod = cls.env["vip.quiet.period"]
        cls.wife = cls.records["vip.relative"]
        cls.their_relative = cls.other_records["vip.relative"]
        (cls.manager | cls.manager2 | cls.deputy).lang = "en_US"  # the tasks are asserted in English
        with freeze_time("2026-06-01 09:00:00"):
            # a wife of the close family who may be contacted, born on 25 June 1975
            cls.wife.write(
                {
                    "birth_date": "1975-06-25",
                    "consent_date": "2020-01-01",
                    "contact_consent": True,
                    "contact_consent_date": "2020-01-01",
                }
            )
            cls.env.flush_all()

    def wife_date(self):
        return self.KeyDate.with_context(active_test=False).search(
            [("relative_id", "=", self.wife.id), ("source", "=", "auto")]
        )

    def tasks(self, activity_type=None, dossier=None):
        activities = (dossier or self.dossier).activity_ids
        return activities.filtered(lambda a: a.activity_type_id == activity_type) if activity_type else activities

    # ------------------------------------------------------------------
    # a relative who died
    # ------------------------------------------------------------------

    def test_deceased_relative_stops_greetings_and_gets_one_condolence(self):
        self.dossier.partner_id.lang = "en_US"
        with self.at("2026-06-22 09:00:00"):
            self.run_cron()
        reminder = self.Reminder.search([("key_date_id", "=", self.wife_date().id)])
        self.assertTrue(reminder.activity_id, "the wife's birthday has its task")
        with self.at("2026-06-23 09:00:00"):
            self.wife.with_user(self.manager).write({"is_deceased": True, "death_date": "2026-06-22"})
        key_date = self.wife_date()
        self.assertEqual((key_date.active, key_date.dropped), (False, True), "paused the way a date that goes away is")
        self.assertEqual(reminder.state, "cancelled")
        self.assertFalse(reminder.activity_id, "the pending greeting task went")
        condolence = self.tasks(self.condolence)
        self.assertEqual(len(condolence), 1)
        self.assertEqual(condolence.user_id, self.manager)
        self.assertIn("condolences", condolence.note)
        self.assertNotIn("Congratulat", condolence.note)
        self.assertIn(self.dossier.honorific, condolence.note, "the client is addressed formally")
        # saved twice: still one
        with self.at("2026-06-23 10:00:00"):
            self.wife.with_user(self.manager).write({"is_deceased": True, "notes": "Похороны 25 июня"})
            self.wife.with_user(self.manager).death_date = "2026-06-21"
            self.run_cron()
        self.assertEqual(len(self.tasks(self.condolence)), 1)
        self.assertFalse(
            self.tasks().filtered(
                lambda a: a.activity_type_id != self.condolence and self.wife.name in (a.summary or "")
            )
        )
        # the days go by: no greeting for her on her birthday
        for day in ("2026-06-24", "2026-06-25", "2026-06-26"):
            with self.at(f"{day} 09:00:00"):
                self.run_cron()
            self.assertFalse(self.Reminder.search([("key_date_id", "=", key_date.id), ("state", "=", "open")]), day)

    def test_unflagging_a_mistake_brings_the_dates_back(self):
        with self.at("2026-06-18 09:00:00"):
            self.wife.with_user(self.manager).is_deceased = True
            manual = self.KeyDate.create(
                {
                    "dossier_id": self.dossier.id,
                    "relative_id": self.wife.id,
                    "type_id": self.env.ref("vip_calendar.key_date_type_custom").id,
                    "name": "Name day",
                    "base_date": "2000-06-30",
                }
            )
            self.wife.with_user(self.manager).is_deceased = True  # saved again: the hand-made date goes too
        self.assertFalse(manual.active)
        self.assertEqual(len(self.tasks(self.condolence)), 1)
        with self.at("2026-06-23 09:00:00"):
            self.wife.with_user(self.manager).is_deceased = False
        self.assertTrue(self.wife_date().active and manual.active, "both dates are back")
        self.assertFalse(self.tasks(self.condolence), "the condolence task of the mistake went")
        with self.at("2026-06-23 10:00:00"):
            self.run_cron()
        self.assertTrue(self.Reminder.search([("key_date_id", "=", self.wife_date().id), ("state", "=", "open")]))

    def test_condolence_goes_to_the_deputy_when_the_manager_is_away(self):
        self.manager.vip_absent = True
        with self.at("2026-06-19 09:00:00"):
            self.wife.with_user(self.deputy).is_deceased = True
        self.assertEqual(self.tasks(self.condolence).user_id, self.deputy)

    def test_no_condolence_for_a_death_long_ago(self):
        with self.at("2026-06-19 09:00:00"):
            self.env["vip.relative"].with_user(self.manager).create(
                {
                    "dossier_id": self.dossier.id,
                    "relation_type_id": self.spouse.id,
                    "first_name": "Дед",
                    "is_deceased": True,
                    "death_date": "2001-01-01",
                }
            )
        self.assertFalse(self.tasks(self.condolence))

    def test_condolence_in_the_clients_language(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.env["ir.module.module"]._load_module_terms(["vip_dossier", "vip_calendar"], ["ru_RU"])
        self.dossier.partner_id.lang = "ru_RU"
        with self.at("2026-06-19 09:00:00"):
            self.wife.with_user(self.manager).is_deceased = True
        note = self.tasks(self.condolence).note
        self.assertIn("Уважаемый Иван Сергеевич", note)
        self.assertIn("соболезнован", note)
        self.assertNotIn("Поздравляем", note)

    # ------------------------------------------------------------------
    # do-not-disturb periods
    # ------------------------------------------------------------------

    def birthday_reminder(self):
        return self.Reminder.search(
            [("dossier_id", "=", self.dossier.id), ("key_date_id.type_id", "=", self.birthday.id)]
        )

    def test_period_holds_the_greeting_with_its_boundaries(self):
        """The client's birthday is 20 June; «not before 20 June» is until 19 June: the greeting comes."""
        period = self.QuietPeriod.with_user(self.manager).create(
            {
                "dossier_id": self.dossier.id,
                "reason": "client_request",
                "date_from": "2026-06-01",
                "date_to": "2026-06-19",
            }
        )
        with self.at("2026-06-13 09:00:00"):
            self.run_cron()
        reminder = self.birthday_reminder()
        self.assertEqual((reminder.state, bool(reminder.activity_id)), ("open", True), "the day after the period")
        # the period is extended over the birthday: the task is dropped, the next run holds it
        with self.at("2026-06-14 09:00:00"):
            period.with_user(self.manager).date_to = "2026-06-20"
            self.assertEqual(reminder.state, "cancelled")
            self.run_cron()
        reminder = self.birthday_reminder()
        self.assertEqual((reminder.state, reminder.skip_reason, reminder.status), ("skipped", "quiet", "skipped"))
        self.assertFalse(reminder.activity_id or reminder.event_id or reminder.sms_planned)
        # no greeting line in the digest either
        with freeze_time("2026-06-14 09:00:00"):
            values = self.manager.sudo()._vip_digest_values()
        self.assertFalse(
            (values["today_dates"] | values["coming_dates"]).filtered(lambda k: k.type_id == self.birthday)
        )
        # the period ends the day before (the boundary moved back): released, reminded again
        with self.at("2026-06-15 09:00:00"):
            period.with_user(self.manager).date_to = "2026-06-19"
            self.run_cron()
        reminder = self.birthday_reminder()
        self.assertEqual((reminder.state, bool(reminder.activity_id)), ("open", True))

    def test_period_starting_on_the_day_and_open_ended(self):
        with self.at("2026-06-10 09:00:00"):
            self.QuietPeriod.create({"dossier_id": self.dossier.id, "reason": "mourning", "date_from": "2026-06-20"})
        for day in ("2026-06-13", "2026-06-20", "2026-06-21"):
            with self.at(f"{day} 09:00:00"):
                self.run_cron()
            self.assertEqual(self.birthday_reminder().skip_reason, "quiet", day)
        self.assertFalse(self.tasks().filtered(lambda a: a.activity_type_id.category == "phonecall"))
        # removed: the greeting is released and comes at the next run
        with self.at("2026-06-21 09:00:00"):
            self.dossier.quiet_period_ids.with_user(self.manager).unlink()
            self.run_cron()
        self.assertEqual(self.birthday_reminder().state, "open")

    def test_period_ending_before_the_start_rejected(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.QuietPeriod.create({"dossier_id": self.dossier.id, "date_from": "2026-06-10", "date_to": "2026-06-09"})
            self.env.flush_all()

    def test_bad_input_refused(self):
        with self.assertRaises(ValidationError):
            self.QuietPeriod.create({"dossier_id": self.dossier.id, "date_from": "2026-02-30"})

    def test_banner_my_day_and_hand_made_tasks(self):
        with self.at("2026-06-10 09:00:00"):
            self.QuietPeriod.create(
                {"dossier_id": self.dossier.id, "reason": "illness", "date_from": "2026-06-01", "date_to": "2026-06-30"}
            )
        with freeze_time("2026-06-15 09:00:00"):
            self.fresh()
            dossier = self.dossier.with_user(self.manager)
            self.assertTrue(dossier.is_quiet)
            self.assertIn("do not disturb until", dossier.quiet_banner)
            self.assertIn(self.dossier, self.env["vip.dossier"].search([("is_quiet", "=", True)]))
            # a task set by hand is not blocked
            activity = dossier.activity_schedule(
                "mail.mail_activity_data_call", summary="About the deposit", user_id=self.manager.id
            )
            self.assertTrue(activity)
            day = self.env["vip.my.day"].with_user(self.manager).get_my_day()
        self.assertEqual([c["dossier_id"] for c in day["dnd"]], [self.dossier.id])
        task = next(t for t in day["due_today"] if t["id"] == activity.id)
        self.assertIn("do not disturb until", task["dnd"])
        held = [item for item in day["week"]["items"] if item["dossier_id"] == self.dossier.id]
        self.assertTrue(held and all(item["held"] for item in held))
        with freeze_time("2026-07-01 09:00:00"):
            self.fresh()
            self.assertFalse(self.dossier.with_user(self.manager).is_quiet, "over after its last day")

    # ------------------------------------------------------------------
    # filling the dossier
    # ------------------------------------------------------------------

    def test_fill_the_gaps_once_and_closed_when_complete(self):
        Dossier = self.env["vip.dossier"]
        closed = Dossier.create({"name": "Closed Client", "user_id": self.manager.id, "state": "closed"})
        quiet = Dossier.create({"name": "Mourning Client", "user_id": self.manager.id})
        self.QuietPeriod.create({"dossier_id": quiet.id, "date_from": fields.Date.today()})
        self.assertTrue(self.dossier.is_incomplete)
        Dossier._cron_fill_gaps()
        task = self.tasks(self.gaps)
        self.assertEqual(len(task), 1)
        self.assertEqual(task.user_id, self.manager)
        self.assertIn("e-mail, ", task.note, "the note lists what is missing")
        self.assertFalse(self.tasks(self.gaps, closed), "none for a closed client")
        self.assertFalse(self.tasks(self.gaps, quiet), "none in a do-not-disturb period")
        Dossier._cron_fill_gaps()
        self.assertEqual(len(self.tasks(self.gaps)), 1, "never a second one while the first is open")
        employer = self.env["res.partner"].create({"name": "Employer", "is_company": True})
        self.env["vip.preference"].create({"dossier_id": self.dossier.id, "category_id": self.gifts.id, "value": "Tea"})
        self.dossier.with_user(self.manager).write(
            {
                "phone": "+7 495 000 00 00",
                "email": "client@example.com",
                "employer_id": employer.id,
                "job_title": "CEO",
                "client_since": date(2020, 1, 1),
                "preferred_channel": "phone",
            }
        )
        self.assertFalse(self.dossier.is_incomplete)
        self.assertFalse(self.tasks(self.gaps), "done once the dossier is complete")
        Dossier._cron_fill_gaps()
        self.assertFalse(self.tasks(self.gaps), "none for a complete dossier")

    def test_fill_the_gaps_closed_by_the_run_when_completed_elsewhere(self):
        Dossier = self.env["vip.dossier"]
        self.dossier.write(
            {
                "phone": "+7 1",
                "employer_id": self.env["res.partner"].create({"name": "Employer", "is_company": True}).id,
                "client_since": date(2020, 1, 1),
                "preferred_channel": "phone",
            }
        )
        Dossier._cron_fill_gaps()
        task = self.tasks(self.gaps)
        self.assertIn("e-mail, position", task.note)
        # the last fact comes from the contact card, not from the dossier's form
        self.dossier.partner_id.email = "client@example.com"
        self.assertFalse(self.dossier.is_incomplete)
        Dossier._cron_fill_gaps()
        self.assertFalse(self.tasks(self.gaps))

    # ------------------------------------------------------------------
    # the attacks
    # ------------------------------------------------------------------

    def test_quiet_periods_as_an_insider(self):
        mine = self.QuietPeriod.create({"dossier_id": self.dossier.id, "date_from": "2026-06-01", "note": "Траур"})
        theirs = self.QuietPeriod.create({"dossier_id": self.other_dossier.id, "date_from": "2026-06-01"})
        self.fresh()
        # the client's managers: read, add, change
        self.assertEqual(self.QuietPeriod.with_user(self.manager).search([]), mine)
        self.assertEqual(self.QuietPeriod.with_user(self.deputy).search([]), mine)
        self.QuietPeriod.with_user(self.manager).create({"dossier_id": self.dossier.id, "date_from": "2026-07-01"})
        # the manager of other clients: finds nothing, reads nothing, adds nothing, moves nothing
        Theirs = self.QuietPeriod.with_user(self.manager2)
        self.assertFalse(Theirs.search([("dossier_id", "=", self.dossier.id)]))
        self.assertFalse(Theirs.search_count([("note", "ilike", "Траур")]))
        self.assertEqual(Theirs.read_group([], ["reason"], ["reason"])[0]["reason_count"], 1, "their own only")
        self.assertEqual([row[0] for row in Theirs.name_search("")], [theirs.id])
        with self.assertRaises(AccessError):
            Theirs.browse(mine.id).read(["note"])
        with self.assertRaises(AccessError):
            Theirs.create({"dossier_id": self.dossier.id, "date_from": "2026-06-01"})
        with self.assertRaises(AccessError):
            Theirs.browse(mine.id).write({"date_to": "2026-06-02"})
        with self.assertRaises(AccessError):
            Theirs.browse(mine.id).unlink()
        with self.assertRaises(AccessError):
            Theirs.browse(theirs.id).write({"dossier_id": self.dossier.id})
        with self.assertRaises(AccessError):
            self.QuietPeriod.with_user(self.manager).browse(mine.id).write({"dossier_id": self.other_dossier.id})
        with self.assertRaises(AccessError):
            self.QuietPeriod.with_user(self.manager).with_context(default_dossier_id=self.other_dossier.id).create(
                {"date_from": "2026-06-01"}
            )
        # an employee without a VIP group: nothing at all
        for method, args in (("search", ([],)), ("search_count", ([],)), ("read_group", ([], ["reason"], ["reason"]))):
            with self.subTest(method=method), self.assertRaises(AccessError):
                getattr(self.QuietPeriod.with_user(self.employee), method)(*args)
        with self.assertRaises(AccessError):
            self.QuietPeriod.with_user(self.employee).create({"dossier_id": self.dossier.id, "date_from": "2026-06-01"})
        # top management reads all, changes nothing
        self.assertEqual(self.QuietPeriod.with_user(self.supervisor).search([]), mine | theirs | mine.search([]))
        with self.assertRaises(AccessError):
            self.QuietPeriod.with_user(self.supervisor).browse(mine.id).write({"date_to": "2026-06-02"})
        with self.assertRaises(AccessError):
            self.QuietPeriod.with_user(self.supervisor).create(
                {"dossier_id": self.dossier.id, "date_from": "2026-06-01"}
            )
        # the emergency reader: only the granted client, read-only
        self.assertFalse(self.QuietPeriod.with_user(self.emergency).search([]))
        self.env["vip.access.grant"].create(
            {
                "user_id": self.emergency.id,
                "dossier_id": self.dossier.id,
                "reason": "Client called about a blocked card",
                "date_end": fields.Datetime.add(fields.Datetime.now(), hours=1),
            }
        )
        self.fresh()
        self.assertEqual(
            self.QuietPeriod.with_user(self.emergency).search([]),
            self.QuietPeriod.search([("dossier_id", "=", self.dossier.id)]),
        )
        with self.assertRaises(AccessError):
            self.QuietPeriod.with_user(self.emergency).browse(mine.id).write({"note": "changed"})

    def test_deceased_flag_as_an_insider(self):
        # another manager cannot flag my client's relative, nor read whether they died
        with self.assertRaises(AccessError):
            self.wife.with_user(self.manager2).write({"is_deceased": True})
        with self.assertRaises(AccessError):
            self.wife.with_user(self.manager2).read(["is_deceased"])
        self.assertFalse(
            self.env["vip.relative"]
            .with_user(self.manager2)
            .search([("is_deceased", "=", False), ("dossier_id", "=", self.dossier.id)])
        )
        with self.assertRaises(AccessError):
            self.wife.with_user(self.supervisor).write({"is_deceased": True})
        with self.assertRaises(AccessError):
            self.wife.with_user(self.employee).write({"is_deceased": True})
        with self.assertRaises(AccessError):
            self.env["vip.relative"].with_user(self.employee).search([("is_deceased", "=", True)])
        self.assertFalse(self.tasks(self.condolence))
        # the system's marks are not written by hand, not even by the client's manager
        with self.assertRaises(AccessError):
            self.wife.with_user(self.manager).write({"condolence_date": "2026-01-01"})
        theirs_task = self.other_dossier.activity_schedule("mail.mail_activity_data_todo", user_id=self.manager2.id)
        with self.assertRaises(AccessError):
            self.wife.with_user(self.manager).write({"condolence_activity_id": theirs_task.id})
        # and a relative of another client flagged by its own manager tells me nothing
        self.their_relative.with_user(self.manager2).is_deceased = True
        self.assertFalse(self.tasks(self.condolence))
        self.assertEqual(self.tasks(self.condolence, self.other_dossier).user_id, self.manager2)
