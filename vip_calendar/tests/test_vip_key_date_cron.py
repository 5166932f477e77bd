# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, timedelta
from unittest.mock import patch

from freezegun import freeze_time

from odoo import sql_db
from odoo.exceptions import AccessError, UserError
from odoo.tests.common import new_test_user, tagged
from odoo.tools import SQL, mute_logger, sql

from ..models.vip_key_date_run import RUN_LOCK, RUN_STAMP
from .common import VipCalendarCase, migration

START = date(2026, 6, 1)


@tagged("post_install", "-at_install")
class TestVipKeyDateCron(VipCalendarCase):
    """The daily run, stepped day by day under freeze_time."""

    def step(self, day, hour=6, dossiers=None):
        """Run the cron at ``hour`` UTC on ``day``; return the reminders it created for ``dossiers``.

        The database may hold other (demo) clients: their reminders are left out.
        """
        with freeze_time(datetime.combine(day, datetime.min.time()) + timedelta(hours=hour)):
            created = self.run_cron()
        dossiers = dossiers or self.dossier
        return created.filtered(lambda r: r.dossier_id in dossiers)

    def test_one_reminder_lead_days_ahead_then_next_year(self):
        # birthday 20 June, reminded 7 days ahead: on 13 June, once
        created_on = {}
        for offset in range(30):
            day = START + timedelta(days=offset)
            new = self.step(day)
            if new:
                created_on[day] = new
        self.assertEqual(list(created_on), [date(2026, 6, 13)])
        [reminder] = created_on[date(2026, 6, 13)]
        self.assertEqual(reminder.occurrence_date, date(2026, 6, 20))
        self.assertEqual(reminder.user_id, self.manager)
        activity = reminder.activity_id
        self.assertEqual((activity.res_model, activity.res_id), ("vip.dossier", self.dossier.id))
        self.assertEqual(activity.user_id, self.manager)
        self.assertEqual(activity.date_deadline, date(2026, 6, 20))
        self.assertEqual(activity.activity_type_id, self.birthday.activity_type_id)
        self.assertIn(self.dossier.name, activity.summary)
        event = reminder.event_id
        self.assertEqual(event.privacy, "private")
        self.assertEqual(event.user_id, self.manager)
        self.assertEqual(event.partner_ids, self.manager.partner_id)
        self.assertEqual(
            (event.attendee_ids.partner_id, event.attendee_ids.state),
            (self.manager.partner_id, "accepted"),
            "the manager's own reminder, not an invitation to answer",
        )
        self.assertTrue(event.allday)
        self.assertEqual((event.start_date, event.stop_date), (date(2026, 6, 20), date(2026, 6, 20)))
        # given at creation rather than computed: what calendar's own computes give
        self.assertEqual(event.duration, event._get_duration(event.start, event.stop))
        self.assertEqual(event.attendee_ids.common_name, self.manager.partner_id.name)
        self.assertEqual((event.res_model, event.res_id), ("vip.dossier", self.dossier.id))
        self.assertFalse(event.message_follower_ids, "nobody is subscribed to a private reminder")
        self.assertEqual(activity.calendar_event_id, event)
        # the date passed: it rolls over to next year
        key_date = reminder.key_date_id
        self.assertEqual(key_date.reminded_date, date(2026, 6, 20), "marked with its reminder")
        self.assertEqual(key_date.next_date, date(2027, 6, 20))
        self.assertEqual(key_date.reminder_date, date(2027, 6, 13))

    def test_queries_grow_with_batches_not_rows(self):
        """The run reads what a batch needs in a few queries, whatever the batch holds: three birthdays
        or twelve cost the same (a lookup per date cost a query per date of every batch)."""

        def clients(count, born):
            return self.env["vip.dossier"].create(
                [
                    {
                        "name": f"Q{born}-{i}",
                        "user_id": self.manager.id,
                        "consent_date": "2020-01-01",
                        "birth_date": born,
                    }
                    for i in range(count)
                ]
            )

        def queries(day):
            with freeze_time(datetime.combine(day, datetime.min.time()) + timedelta(hours=6)):
                self.env.invalidate_all()
                before = self.cr.sql_log_count
                created = self.KeyDate._cron_create_reminders(batch_size=500)
                self.env.flush_all()
                return self.cr.sql_log_count - before, created

        with self.at("2026-06-01 09:00:00"):
            clients(3, "1970-07-10")
            clients(12, "1970-07-20")
        queries(date(2026, 7, 2))  # what was due before, and the run's first-time reads
        few, created_few = queries(date(2026, 7, 3))
        many, created_many = queries(date(2026, 7, 13))
        self.assertGreaterEqual(len(created_many) - len(created_few), 9)
        self.assertLessEqual(
            many, few + 3, f"{few} queries for {len(created_few)} dates, {many} for {len(created_many)}"
        )

    def test_gift_ideas_in_the_task(self):
        with self.at(START):
            self.env["vip.preference"].create(
                {"dossier_id": self.dossier.id, "category_id": self.gifts.id, "value": "Single malt whisky"}
            )
        [reminder] = self.step(date(2026, 6, 13))
        self.assertIn("Single malt whisky", reminder.activity_id.note)

    def test_year_end(self):
        with self.at("2026-12-20"):
            self.dossier.birth_date = "1970-01-03"
        created = {}
        for offset in range(20):
            day = date(2026, 12, 20) + timedelta(days=offset)
            if new := self.step(day):
                created[day] = new
        self.assertEqual(list(created), [date(2026, 12, 27)])
        self.assertEqual(created[date(2026, 12, 27)].occurrence_date, date(2027, 1, 3))

    def test_29_february(self):
        with self.at("2027-02-01"):
            self.dossier.birth_date = "2000-02-29"
        key_date = self.KeyDate.search([("dossier_id", "=", self.dossier.id), ("type_id", "=", self.birthday.id)])
        with freeze_time("2027-02-01"):
            key_date._compute_next_date()
            self.assertEqual(key_date.next_date, date(2027, 2, 28), "28 February by default")
            self.env.company.vip_feb29_policy = "mar1"
            key_date._compute_next_date()
            self.assertEqual(key_date.next_date, date(2027, 3, 1))
        with freeze_time("2028-02-01"):
            key_date._compute_next_date()
            self.assertEqual(key_date.next_date, date(2028, 2, 29), "a leap year keeps the real date")
        self.env.company.vip_feb29_policy = "feb28"
        with freeze_time("2027-02-01"):
            key_date._compute_next_date()
        created = {}
        for offset in range(40):
            day = date(2027, 2, 10) + timedelta(days=offset)
            if new := self.step(day):
                created[day] = new
        self.assertEqual(list(created), [date(2027, 2, 21)])
        self.assertEqual(created[date(2027, 2, 21)].occurrence_date, date(2027, 2, 28))

    def test_managers_far_from_utc(self):
        """Reminders come on the manager's own day: UTC+10 is early, UTC-5 late."""
        self.manager.tz = "Asia/Vladivostok"  # UTC+10
        with self.at(START):
            far_west = self.env["vip.dossier"].create(
                {
                    "name": "West Client",
                    "user_id": self.manager2.id,
                    "birth_date": "1980-06-20",
                    "consent_date": "2020-01-01",
                }
            )
        self.manager2.tz = "America/Bogota"  # UTC-5
        # 12 June 15:00 UTC: already 13 June in Vladivostok, still 12 June in Bogotá
        both = self.dossier | far_west
        new = self.step(date(2026, 6, 12), hour=15, dossiers=both)
        self.assertEqual(new.dossier_id, self.dossier)
        # 13 June 04:00 UTC: 12 June 23:00 in Bogotá, still nothing
        self.assertFalse(self.step(date(2026, 6, 13), hour=4, dossiers=both))
        # 13 June 06:00 UTC: 13 June 01:00 in Bogotá
        self.assertEqual(self.step(date(2026, 6, 13), hour=6, dossiers=both).dossier_id, far_west)

    def test_absent_or_archived_manager_hands_over_to_the_deputy(self):
        with self.at(START):
            self.manager.vip_absent = True
        [reminder] = self.step(date(2026, 6, 13))
        self.assertEqual(reminder.user_id, self.deputy)
        self.assertEqual(reminder.activity_id.user_id, self.deputy)
        self.assertEqual(reminder.event_id.user_id, self.deputy)
        # archived (legacy data: archiving is refused while a manager has clients)
        self.manager.vip_absent = False
        self.env.cr.execute("UPDATE res_users SET active = false WHERE id = %s", [self.manager.id])
        self.env.invalidate_all()
        with self.at(START):
            self.dossier.write({"birth_date": "1970-06-25"})
        [reminder] = self.step(date(2026, 6, 18))
        self.assertEqual(reminder.user_id, self.deputy)

    def test_deputy_behind_the_manager_waits_for_their_own_day(self):
        """The manager is in UTC+10, away; the deputy is in UTC-5: the task comes on the deputy's day,
        and a batch with nothing due yet tells the runner it is done rather than spinning."""
        self.manager.tz = "Asia/Vladivostok"
        self.deputy.tz = "America/Bogota"
        with self.at(START):
            self.manager.vip_absent = True
        # 12 June 15:00 UTC: 13 June in Vladivostok, still 12 June in Bogotá
        with freeze_time("2026-06-12 15:00:00"):
            self.assertNotIn(self.dossier, self.KeyDate._due_candidates(date(2026, 6, 13), 1000)[0].dossier_id)
            created, progress = self.cron_batch()
        # (the demo clients' dates were computed at install, months after this June)
        self.assertFalse(created)
        self.assertEqual((progress.done, progress.remaining), (0, 0))
        # 13 June 06:00 UTC: 13 June 01:00 in Bogotá
        [reminder] = self.step(date(2026, 6, 13), hour=6)
        self.assertEqual(reminder.user_id, self.deputy)

    def test_absent_manager_with_nobody_to_hand_over_to_keeps_the_task_on_their_day(self):
        """Manager and deputy both away: the manager keeps the task, on the manager's own day."""
        self.manager.tz = "Asia/Vladivostok"
        with self.at(START):
            (self.manager | self.deputy).vip_absent = True
        # 12 June 15:00 UTC: already 13 June in Vladivostok, still 12 June in UTC
        [reminder] = self.step(date(2026, 6, 12), hour=15)
        self.assertEqual(reminder.user_id, self.manager)

    def test_nobody_active_skips_on_the_utc_day(self):
        """No active manager nor deputy: the date is recorded as skipped, on the UTC day rather than
        on the day where the archived manager was."""
        self.env.cr.execute("UPDATE res_users SET active = false WHERE id IN %s", [(self.manager.id, self.deputy.id)])
        self.env.invalidate_all()
        # 12 June 23:00 UTC: 13 June in Moscow, the archived manager's zone; not yet in UTC
        self.assertFalse(self.step(date(2026, 6, 12), hour=23))
        [reminder] = self.step(date(2026, 6, 13), hour=0)
        self.assertEqual((reminder.state, reminder.skip_reason), ("skipped", "manager"))

    def test_a_zone_the_database_does_not_know_stops_nothing(self):
        """Odoo's time zones (pytz) may be newer than the database server's: a zone PostgreSQL does not
        know, on a user who gets none of these tasks, does not stop the run."""
        stranger = new_test_user(self.env, "vip_t_stranger", groups="base.group_user")
        self.env.cr.execute("UPDATE res_partner SET tz = 'Mars/Olympus_Mons' WHERE id = %s", [stranger.partner_id.id])
        self.env.invalidate_all()
        [reminder] = self.step(date(2026, 6, 13))
        self.assertEqual(reminder.user_id, self.manager)

    def test_closed_or_archived_client_no_task(self):
        with self.at(START):
            closed, archived = self.env["vip.dossier"].create(
                [
                    {
                        "name": name,
                        "user_id": self.manager.id,
                        "birth_date": "1980-06-20",
                        "consent_date": "2020-01-01",
                    }
                    for name in ("Closed Client", "Archived Client")
                ]
            )
            # an occasion entered by hand outlives the archiving (the automatic dates go with it)
            self.occasion(archived, "Daughter's graduation", "2026-06-19")
            closed.state = "closed"
            archived.active = False
        self.assertTrue(archived.with_context(active_test=False).key_date_ids.filtered("active"))
        new = self.step(date(2026, 6, 13), dossiers=self.dossier | closed | archived)
        self.assertEqual(new.dossier_id, self.dossier)

    def test_no_consent_no_task(self):
        with self.at(START):
            self.dossier.consent_withdrawn_date = "2026-05-01"
        [reminder] = self.step(date(2026, 6, 13))
        self.assertEqual((reminder.state, reminder.skip_reason), ("skipped", "consent"))
        self.assertFalse(reminder.activity_id)
        self.assertFalse(self.step(date(2026, 6, 14)), "skipped once, not re-examined every run")

    def _relative(self, relation, name, birth_date="1975-06-18", **vals):
        with self.at(START):
            return self.env["vip.relative"].create(
                {
                    "dossier_id": self.dossier.id,
                    "relation_type_id": self.env.ref(f"vip_dossier.vip_relation_type_{relation}").id,
                    "first_name": name,
                    "birth_date": birth_date,
                    **vals,
                }
            )

    def test_relative_without_consent_is_mentioned_to_the_client(self):
        """The shipped script: congratulate the relative only if they agreed; otherwise mention the date
        to the client. The task is the client's, with none of the relative's data."""
        category = self.env["vip.preference.category"].search([("is_gift_idea", "=", True)], limit=1)
        relative = self._relative("spouse", "Ольга", phone="+79990001122")
        self.env["vip.preference"].create(
            {"dossier_id": self.dossier.id, "relative_id": relative.id, "category_id": category.id, "value": "Roses"}
        )
        [reminder] = self.step(date(2026, 6, 13)).filtered(lambda r: r.key_date_id.relative_id == relative)
        self.assertEqual(reminder.state, "open")
        activity = reminder.activity_id
        self.assertEqual(activity.user_id, self.manager)
        for text in (activity.summary, activity.note, reminder.event_id.name):
            self.assertNotIn("Ольга", text)
            self.assertNotIn("Roses", text)
            self.assertNotIn("+7999", text)
        # named by the relation, in the manager's language
        self.assertIn(relative.relation_type_id.with_context(lang=self.manager.lang).name, activity.summary)
        self.assertFalse(reminder.sms_planned)
        # the client may not be contacted either: nobody to tell
        other = self._relative("child", "Иван")
        with self.at(START):
            self.dossier.consent_withdrawn_date = "2026-05-01"
        [skipped] = self.step(date(2026, 6, 13)).filtered(lambda r: r.key_date_id.relative_id == other)
        self.assertEqual((skipped.state, skipped.skip_reason), ("skipped", "consent"))

    def test_a_relative_who_agreed_is_greeted_directly(self):
        relative = self._relative(
            "spouse", "Ольга", contact_consent=True, contact_consent_date="2024-01-01", consent_date="2024-01-01"
        )
        self.assertTrue(relative.contact_allowed)
        [reminder] = self.step(date(2026, 6, 13)).filtered(lambda r: r.key_date_id.relative_id == relative)
        self.assertIn("Ольга", reminder.activity_id.summary)

    def test_only_close_family_and_active_relatives_are_reminded(self):
        family = self._relative("child", "Анна")
        other = self._relative("other", "Сосед")
        archived = self._relative("sibling", "Пётр")
        with self.at(START):
            archived.active = False
        created = self.step(date(2026, 6, 13))
        self.assertEqual(created.key_date_id.relative_id, family)
        self.assertFalse(self.KeyDate.search([("relative_id", "in", (other | archived).ids)]))
        # archiving a relative takes their pending task away
        [reminder] = created.filtered(lambda r: r.key_date_id.relative_id == family)
        activity = reminder.activity_id
        with self.at("2026-06-13"):
            family.active = False
        self.assertFalse(activity.exists())
        # the bank's policy changes: "Other" now counts as close family, for every client at once
        with self.at("2026-06-13"):
            self.env.ref("vip_dossier.vip_relation_type_other").is_family = True
        self.assertTrue(self.KeyDate.search([("relative_id", "=", other.id)]))

    def test_power_of_attorney_expiry_is_not_a_greeting(self):
        """A legal task: it comes whether or not the client agreed to greetings."""
        with self.at(START):
            self.dossier.consent_withdrawn_date = "2026-05-01"
            trusted = self.env["vip.trusted.person"].create(
                {
                    "dossier_id": self.dossier.id,
                    "name": "Lawyer",
                    "scope": "All",
                    "valid_from": "2025-01-01",
                    "valid_to": "2026-06-26",
                }
            )
        [expiry] = self.step(date(2026, 6, 13)).filtered(lambda r: r.key_date_id.trusted_person_id == trusted)
        self.assertEqual(expiry.state, "open")
        self.assertTrue(expiry.activity_id)

    def test_upgrade_to_1_3_applies_who_is_reminded(self):
        """The occasion types are kept without update: the upgrade marks the expiry as no greeting, and
        takes away the birthdays of the relatives no longer reminded."""
        poa = self.env.ref("vip_calendar.key_date_type_poa_expiry")
        other = self._relative("other", "Сосед")
        # the database as the previous version left it
        poa.is_greeting = True
        self.KeyDate.create(
            {
                "dossier_id": self.dossier.id,
                "type_id": self.relative_birthday.id,
                "relative_id": other.id,
                "base_date": other.birth_date,
                "source": "auto",
            }
        )
        banker = self.env.ref("vip_calendar.holiday_bankers_day")
        self.KeyDate.create(
            {
                "dossier_id": self.dossier.id,
                "type_id": self.env.ref("vip_calendar.key_date_type_professional_holiday").id,
                "holiday_id": banker.id,
                "source": "auto",
            }
        )
        migration("18.0.1.3.0").migrate(self.env.cr, "18.0.1.2.0")
        self.assertFalse(poa.is_greeting)
        self.assertFalse(self.KeyDate.search([("relative_id", "=", other.id)]))
        # the holidays a client was reminded of so far are kept, as confirmed by the manager
        self.assertEqual(self.dossier.professional_holiday_ids, banker)
        self.assertEqual(self.dossier.key_date_ids.holiday_id, banker)

    def test_an_automatic_date_is_paused_not_lost(self):
        """A manager deleting the client's birthday with one click would silently end its reminders:
        an automatic date can be paused (archived) or corrected through the dossier, not deleted."""
        birthday = self.dossier.key_date_ids.filtered(lambda k: k.type_id == self.birthday).with_user(self.manager)
        with self.assertRaises(UserError):
            birthday.unlink()
        with self.assertRaises(UserError):
            birthday.write({"source": "manual"})
        [reminder] = self.step(date(2026, 6, 13))
        activity = reminder.activity_id
        with self.at("2026-06-13"):
            birthday.active = False
        self.assertFalse(activity.exists(), "paused: its pending task goes")
        self.assertFalse(self.step(date(2026, 6, 14)))
        with self.at("2026-06-14"):
            birthday.active = True
        [again] = self.step(date(2026, 6, 14))
        self.assertEqual(again.key_date_id, birthday)
        # a date entered by hand is the manager's to delete; the client's deletion takes every date along
        graduation = self.occasion(self.dossier, "Graduation", "2026-09-01").with_user(self.manager)
        graduation.unlink()
        self.dossier.with_user(self.vip_admin).unlink()
        self.assertFalse(birthday.exists())

    def test_changed_birth_date_moves_the_pending_task(self):
        [reminder] = self.step(date(2026, 6, 13))
        activity, event = reminder.activity_id, reminder.event_id
        with self.at("2026-06-13"):
            self.dossier.birth_date = "1970-06-25"
        self.assertFalse(activity.exists(), "no orphan task")
        self.assertFalse(event.exists(), "no orphan event")
        self.assertEqual(reminder.state, "cancelled")
        [moved] = self.step(date(2026, 6, 18))
        self.assertEqual(moved.occurrence_date, date(2026, 6, 25))
        self.assertEqual(len(self.reminders().filtered(lambda r: r.state == "open")), 1)

    def test_the_manager_moves_a_date_away_and_back(self):
        """Done by the manager on a date entered by hand: the mark (a system field) is cleared all the same."""
        with self.at(START):
            graduation = self.occasion(self.dossier, "Graduation", "2026-06-19")
        [reminder] = self.step(date(2026, 6, 13)).filtered(lambda r: r.key_date_id == graduation)
        mine = graduation.with_user(self.manager)
        with self.at("2026-06-13"):
            mine.base_date = "2026-06-26"
        with self.at("2026-06-13"):
            mine.base_date = "2026-06-19"
        self.assertEqual(reminder.state, "cancelled")
        self.assertFalse(graduation.reminded_date)
        [again] = self.step(date(2026, 6, 13), hour=7)
        self.assertEqual((again, again.state), (reminder, "open"))

    def test_a_date_moved_away_and_back_is_reminded(self):
        """Moved and moved back before the next run: the cancelled reminder is opened again."""
        [reminder] = self.step(date(2026, 6, 13))
        with self.at("2026-06-13"):
            self.dossier.birth_date = "1970-06-25"
        with self.at("2026-06-13"):
            self.dossier.birth_date = "1970-06-20"
        self.assertEqual(reminder.state, "cancelled")
        [again] = self.step(date(2026, 6, 13), hour=7)
        self.assertEqual(again, reminder, "the same occurrence, its reminder opened again")
        self.assertEqual((again.state, again.occurrence_date), ("open", date(2026, 6, 20)))
        self.assertTrue(again.activity_id and again.event_id)
        self.assertFalse(self.step(date(2026, 6, 13), hour=8), "and once only")

    def test_a_date_moved_reminded_then_moved_back_is_reminded(self):
        [first] = self.step(date(2026, 6, 13))
        with self.at("2026-06-13"):
            self.dossier.birth_date = "1970-06-25"
        [moved] = self.step(date(2026, 6, 18))
        with self.at("2026-06-18"):
            self.dossier.birth_date = "1970-06-20"
        self.assertEqual(moved.state, "cancelled")
        [back] = self.step(date(2026, 6, 18), hour=7)
        self.assertEqual((back, back.state), (first, "open"))

    def test_a_reminder_deleted_by_hand_comes_again(self):
        [reminder] = self.step(date(2026, 6, 13))
        key_date = reminder.key_date_id
        self.assertNotIn(key_date, self.KeyDate._due_candidates(date(2026, 6, 14), 1000)[0], "reminded: not offered")
        reminder.unlink()
        [again] = self.step(date(2026, 6, 13), hour=7)
        self.assertEqual((again.key_date_id, again.occurrence_date), (key_date, date(2026, 6, 20)))

    def test_a_reminder_that_already_exists_is_not_offered_every_hour(self):
        """A reminder made some other way for the occurrence: the run marks its date, and moves on."""
        key_date = self.dossier.key_date_ids.filtered(lambda k: k.type_id == self.birthday)
        with self.at("2026-06-12"):
            self.Reminder.create(
                {"key_date_id": key_date.id, "occurrence_date": "2026-06-20", "dossier_id": self.dossier.id}
            )
        self.assertFalse(self.step(date(2026, 6, 13)))
        self.assertEqual(key_date.reminded_date, date(2026, 6, 20))
        with freeze_time("2026-06-13 07:00:00"):
            self.assertNotIn(key_date, self.KeyDate._due_candidates(date(2026, 6, 14), 1000)[0])

    def test_upgrade_to_1_1_marks_what_was_reminded_before(self):
        """The migration that brought ``reminded_date`` marks the occurrences that have a live reminder,
        skipped ones included, not those whose reminder was cancelled (the date moved away and came back)."""
        with self.at("2026-06-01"):
            graduation = self.occasion(self.dossier, "Daughter's graduation", "2026-06-19")
            # a client who did not agree to be contacted: the run skips her birthday, and that counts
            silent = self.env["vip.dossier"].create(
                {"name": "Silent Client", "user_id": self.manager.id, "birth_date": "1975-06-15"}
            )
        birthday = self.dossier.key_date_ids.filtered(lambda k: k.type_id == self.birthday)
        wife = silent.key_date_ids.filtered(lambda k: k.type_id == self.birthday)
        first = self.step(date(2026, 6, 13), dossiers=self.dossier | silent)
        self.assertEqual(len(first), 3)
        self.assertEqual(first.filtered(lambda r: r.key_date_id == wife).state, "skipped")
        with self.at("2026-06-13"):
            self.dossier.birth_date = "1970-06-25"
        with self.at("2026-06-13"):
            self.dossier.birth_date = "1970-06-20"
        self.assertEqual(birthday.reminder_ids.mapped("state"), ["cancelled"])
        # the database as the previous version left it: no occurrence marked
        self.env.cr.execute(
            "UPDATE vip_key_date SET reminded_date = NULL WHERE id IN %s", [(graduation.id, birthday.id, wife.id)]
        )
        self.env.invalidate_all()
        migration("18.0.1.1.0").migrate(self.env.cr, "18.0.1.0.0")
        self.env.invalidate_all()
        self.assertEqual(graduation.reminded_date, date(2026, 6, 19))
        self.assertEqual(wife.reminded_date, date(2026, 6, 15), "a skipped occurrence was handled")
        self.assertFalse(birthday.reminded_date, "a cancelled reminder does not count")
        [again] = self.step(date(2026, 6, 13), hour=7)
        self.assertEqual((again.key_date_id, again.state), (birthday, "open"))

    def test_upgrade_to_1_2_drops_the_redundant_index(self):
        """A reminder's key date is looked up through the unique (key date, occurrence) index alone."""
        name = sql.make_index_name("vip_key_date_reminder", "key_date_id")
        indexes = SQL("SELECT indexname FROM pg_indexes WHERE tablename = 'vip_key_date_reminder'")
        self.assertNotIn((name,), self.env.execute_query(indexes), "the field asks for no index of its own")
        # the database as the previous version left it
        self.env.cr.execute(SQL("CREATE INDEX %s ON vip_key_date_reminder (key_date_id)", SQL.identifier(name)))
        migration("18.0.1.2.0").migrate(self.env.cr, "18.0.1.1.0")
        self.assertNotIn((name,), self.env.execute_query(indexes))
        self.assertIn(("vip_key_date_reminder_occurrence_uniq",), self.env.execute_query(indexes))

    def test_only_the_run_marks_an_occurrence_reminded(self):
        key_date = self.dossier.key_date_ids[:1].with_user(self.manager)
        with self.assertRaises(AccessError):
            key_date.write({"reminded_date": key_date.next_date})

    def test_deleted_relative_leaves_no_orphan(self):
        with self.at(START):
            relative = self.env["vip.relative"].create(
                {
                    "dossier_id": self.dossier.id,
                    "relation_type_id": self.spouse.id,
                    "first_name": "Ольга",
                    "birth_date": "1975-06-15",
                    "consent_date": "2020-01-01",
                    "contact_consent": True,
                }
            )
        new = self.step(date(2026, 6, 13))
        mine = new.filtered(lambda r: r.key_date_id.relative_id == relative)
        self.assertTrue(mine.activity_id)
        activity, event = mine.activity_id, mine.event_id
        relative.unlink()
        self.assertFalse(activity.exists())
        self.assertFalse(event.exists())
        self.assertFalse(mine.exists())

    def test_other_meetings_still_subscribe_their_attendees(self):
        """Only the run's own events skip calendar's follower subscription, even for a user who
        passes the run's context key over RPC."""
        meeting = (
            self.env["calendar.event"]
            .with_user(self.manager)
            .with_context(vip_key_date_run=True)
            .create(
                {
                    "name": "Portfolio review",
                    "start": datetime(2026, 6, 20, 9),
                    "stop": datetime(2026, 6, 20, 10),
                    "partner_ids": [(6, 0, (self.manager | self.manager2).partner_id.ids)],
                }
            )
        )
        self.assertIn(self.manager2.partner_id, meeting.sudo().message_partner_ids)

    def test_a_batch_that_creates_nothing_ends_the_run(self):
        """Should the selection ever offer dates _create_for turns down (not yet due where the person
        who gets the task is), the runner hears the run is done instead of spinning on them."""
        with self.at(START):
            self.manager.tz = "America/Bogota"
        not_yet = self.dossier.key_date_ids.filtered(lambda k: k.type_id == self.birthday)
        with (
            freeze_time("2026-06-12 15:00:00"),  # 12 June in Bogotá, its reminder is due on the 13th
            patch.object(type(self.KeyDate), "_due_candidates", lambda _self, _horizon, _limit: (not_yet, 1000)),
        ):
            created, progress = self.cron_batch()
        self.assertFalse(created)
        self.assertEqual((progress.done, progress.remaining), (0, 0))

    def test_a_manager_without_time_zone_is_reminded_on_the_utc_day(self):
        """The selection takes UTC for a manager without a time zone; so does the check that follows,
        whatever the time zone of the user the scheduled action runs as."""
        self.manager.tz = False
        self.env.user.tz = "America/Bogota"
        # 13 June 02:00 UTC: the 13th in UTC, still the 12th in Bogotá
        [reminder] = self.step(date(2026, 6, 13), hour=2)
        self.assertEqual(reminder.user_id, self.manager)

    def test_progress_tells_the_runner_when_to_stop(self):
        """More due than a batch: the runner is told to go on; the last batch says it is done."""
        with self.at(START):
            self.env["vip.dossier"].create(
                [
                    {
                        "name": f"Client {i}",
                        "user_id": self.manager.id,
                        "birth_date": f"1980-06-{15 + i}",
                        "consent_date": "2020-01-01",
                    }
                    for i in range(4)
                ]
            )
        reports = []
        with freeze_time("2026-06-16 06:00:00"):
            for _i in range(10):
                _created, progress = self.cron_batch(batch_size=2)
                reports.append((progress.done, progress.remaining))
                if not progress.remaining:
                    break
        # every batch but the last did two and asked for more; the last did what was left
        self.assertEqual([done for done, _remaining in reports[:-1]], [2] * (len(reports) - 1))
        self.assertEqual(reports[-1][1], 0)
        self.assertLessEqual(reports[-1][0], 2)
        self.assertGreaterEqual(len(reports), 3, "the client's and at least four new birthdays were due")
        # and each batch said exactly how many were left: what the later batches did
        for i, (_done, remaining) in enumerate(reports):
            self.assertEqual(remaining, sum(done for done, _remaining in reports[i + 1 :]))

    def test_a_second_run_creates_nothing_twice(self):
        first = self.step(date(2026, 6, 13))
        self.assertTrue(first)
        self.assertFalse(self.step(date(2026, 6, 13), hour=7))
        # and the database refuses a duplicate even if a run raced past the check
        key_date = first.key_date_id
        rows = [(key_date, self.manager, False, False)]
        self.assertEqual(self.Reminder._insert(rows, {}), {}, "a live reminder is neither doubled nor replaced")

    def test_a_run_steps_aside_while_another_runs(self):
        """Two nodes start the run at once: the second sees the first's lock, creates nothing and ends
        without an error (it used to wait on the first's rows, then roll back on a unique key); the
        first does the work, and the next run finds nothing left."""
        other = sql_db.db_connect(self.env.cr.dbname).cursor()
        try:
            other.execute("SELECT pg_try_advisory_xact_lock(%s)", [RUN_LOCK])
            self.assertTrue(other.fetchone()[0], "the other run holds the lock")
            with freeze_time("2026-06-13 06:00:00"):
                created, progress = self.cron_batch()
            self.assertFalse(created)
            self.assertEqual((progress.done, progress.remaining), (0, 0))
        finally:
            other.rollback()
            other.close()
        self.assertTrue(self.step(date(2026, 6, 13)), "once the lock is free, the run does the work")

    def test_a_run_past_the_check_leaves_no_task_behind(self):
        """The run creates the tasks before it inserts their reminders. Should the insert find an
        occurrence reminded already (its mark lost, as by a reminder made outside the run), the task and
        event created for it go again; the others of the batch keep theirs, each its own."""
        [first] = self.step(date(2026, 6, 13))
        client_date = first.key_date_id
        with self.at(START):
            relatives = self.env["vip.relative"].create(
                [
                    {
                        "dossier_id": self.dossier.id,
                        "relation_type_id": self.spouse.id,
                        "first_name": name,
                        "birth_date": birth_date,
                        "consent_date": "2020-01-01",
                        "contact_consent": consent,
                    }
                    for name, birth_date, consent in (
                        ("Ольга", "1975-06-15", True),
                        ("Мария", "1999-06-18", True),
                        ("Пётр", "2001-06-16", False),
                    )
                ]
            )
        relative_dates = self.KeyDate.search([("relative_id", "in", relatives.ids)])
        self.assertEqual(len(relative_dates), 3)
        self.env.cr.execute("UPDATE vip_key_date SET reminded_date = NULL WHERE id = %s", [client_date.id])
        self.env.invalidate_all()
        activities, events = self.env["mail.activity"].search([]), self.env["calendar.event"].search([])
        with freeze_time("2026-06-13 06:00:00"):
            new = self.Reminder._create_for(client_date | relative_dates)
        self.assertEqual(new.key_date_id, relative_dates, "the client's date had its reminder already")
        self.assertEqual(client_date.reminder_ids, first)
        self.assertEqual(client_date.reminded_date, date(2026, 6, 20), "marked again")
        # Пётр did not agree to be contacted: his date is mentioned to the client, under no name
        self.assertEqual(set(new.mapped("state")), {"open"})
        with_task = new
        self.assertEqual(self.env["mail.activity"].search([]) - activities, with_task.activity_id, "no other task")
        self.assertEqual(self.env["calendar.event"].search([]) - events, with_task.event_id, "no other event")
        for reminder in with_task:
            person = reminder.key_date_id.relative_id
            self.assertEqual(reminder.occurrence_date, person.birth_date.replace(year=2026))
            self.assertEqual(reminder.activity_id.date_deadline, reminder.occurrence_date)
            shown = person.name in reminder.activity_id.summary
            self.assertEqual(shown, person.contact_allowed, person.name)
            self.assertEqual(reminder.event_id.start_date, reminder.occurrence_date)
            self.assertEqual(reminder.activity_id.calendar_event_id, reminder.event_id)

    def test_interrupted_run_resumes_without_duplicates(self):
        """A run killed after its first batch: the batch stays, the rest is done by the next run."""
        with self.at(START):
            clients = self.env["vip.dossier"].create(
                [
                    {
                        "name": f"Client {i}",
                        "user_id": self.manager.id,
                        "birth_date": f"1980-06-{15 + i}",
                        "consent_date": "2020-01-01",
                    }
                    for i in range(6)
                ]
            )
        Reminder = type(self.Reminder)
        original = Reminder._create_activities_and_events
        calls = []

        def crash_on_second_batch(reminders, activity_vals, event_vals):
            calls.append(len(activity_vals))
            if len(calls) == 2:
                raise RuntimeError("worker killed")
            return original(reminders, activity_vals, event_vals)

        with (
            freeze_time("2026-06-16 06:00:00"),
            patch.object(Reminder, "_create_activities_and_events", crash_on_second_batch),
        ):
            with self.env.cr.savepoint():
                self.KeyDate._cron_create_reminders(batch_size=2)  # batch 1, "committed"
            with mute_logger("odoo.sql_db"), self.assertRaises(RuntimeError), self.env.cr.savepoint():
                self.KeyDate._cron_create_reminders(batch_size=2)  # batch 2 dies, rolled back
        with freeze_time("2026-06-16 06:00:00"):
            self.run_cron(batch_size=2)
        due = clients.filtered(lambda d: d.birth_date.day <= 23) | self.dossier
        reminders = self.Reminder.search([("dossier_id", "in", due.ids)])
        self.assertEqual(len(reminders), len(due), "one each, none missed, none twice")
        self.assertEqual(len(reminders.activity_id), len(due))

    def test_outcome_and_on_time_share(self):
        [reminder] = self.step(date(2026, 6, 13))
        self.assertEqual(reminder.on_time_rate, 100, "not yet due: not late")
        with self.at("2026-06-19 08:00:00"):
            reminder.activity_id.with_user(self.manager).action_done()
        self.assertEqual(reminder.done_date, date(2026, 6, 19))
        self.assertFalse(reminder.outcome, "marked done without the outcome wizard: how it went is not assumed")
        self.assertTrue(reminder.on_time)
        self.assertEqual(reminder.on_time_rate, 100)
        # a late one, recorded as unreachable
        with self.at(START):
            late_client = self.env["vip.dossier"].create(
                {"name": "Late", "user_id": self.manager.id, "birth_date": "1980-06-22", "consent_date": "2020-01-01"}
            )
        [late] = self.step(date(2026, 6, 15), dossiers=late_client)
        late.outcome = "unreachable"
        with self.at("2026-06-24 08:00:00"):
            late.activity_id.action_done()
        self.assertEqual((late.outcome, late.on_time, late.on_time_rate), ("unreachable", False, 0))
        groups = self.Reminder._read_group([("id", "in", (reminder | late).ids)], ["manager_id"], ["on_time_rate:avg"])
        self.assertEqual(groups, [(self.manager, 50.0)], "half of the manager's key-date tasks on time")

    def test_the_selection_and_the_run_agree_on_whose_day_it_is(self):
        """Who gets the task, and so in whose time zone it is due, is said twice: in SQL by the run's
        selection (``_due_query``), in Python by ``vip.dossier._vip_responsible``. Both must agree in
        every case: the manager present or away, the deputy present or away (a manager with clients
        cannot be archived)."""
        self.manager.tz = "Pacific/Kiritimati"  # UTC+14
        self.deputy.tz = "Etc/GMT+12"  # UTC-12
        key_date = self.KeyDate.search([("dossier_id", "=", self.dossier.id), ("type_id", "=", self.birthday.id)])
        self.assertEqual(key_date.reminder_date, date(2026, 6, 13))
        cases = [
            # (manager away, manager archived, deputy away): due on the 12th at noon UTC?
            ((False, False, False), True),  # the manager's day: already the 13th in Kiritimati
            ((True, False, False), False),  # the deputy's: still the 12th at UTC-12
            ((True, False, True), True),  # both away: the manager's still
        ]
        for (away, archived, deputy_away), expected in cases:
            with self.subTest(away=away, archived=archived, deputy_away=deputy_away):
                self.manager.write({"vip_absent": away, "active": not archived})
                self.deputy.vip_absent = deputy_away
                self.env.flush_all()
                with freeze_time("2026-06-12 12:00:00"):
                    selected, _count = self.KeyDate._due_candidates(date(2026, 6, 14), 1000)
                    responsible = key_date._responsible()
                    python_due = key_date.reminder_date <= responsible._vip_local_now().date()
                self.assertEqual(python_due, expected)
                self.assertEqual(key_date in selected, python_due, "SQL and Python route the task alike")
        self.manager.write({"vip_absent": False, "active": True})

    def test_the_inserted_reminder_is_what_the_orm_computes(self):
        """The run writes its reminders by SQL, filling by hand what the ORM would compute: every stored
        computed field must hold what the ORM computes for it (a field added later and left empty by
        the insert fails here)."""
        [reminder] = self.step(date(2026, 6, 13))
        fields_ = [field for field in reminder._fields.values() if field.store and field.compute]
        self.assertTrue(fields_)
        inserted = {field.name: reminder[field.name] for field in fields_}
        with freeze_time("2026-06-13 06:00:00"):  # computed as of the run
            for field in fields_:
                self.env.add_to_compute(field, reminder)
            reminder.flush_recordset()
            reminder.invalidate_recordset()
            self.assertEqual(inserted, {field.name: reminder[field.name] for field in fields_})

    def test_a_run_that_sees_the_database_from_before_another_steps_aside(self):
        """A run's transaction reads the database as it was when it began: should another run commit
        its reminders and let go of the lock meanwhile, this one gets the lock on a view from before
        them and would insert them again (a serialization error in the log, seen with two nodes). It
        finds the other run's stamp newer than its view and steps aside, before doing anything."""
        self.KeyDate.search([], limit=1)  # this transaction's view of the database is taken
        other = sql_db.db_connect(self.env.cr.dbname).cursor()
        try:
            # another run, on another connection, stamps and commits
            other.execute(
                """INSERT INTO ir_config_parameter (key, value) VALUES (%s, 'other run')
                   ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value""",
                [RUN_STAMP],
            )
            other.commit()
            with freeze_time("2026-06-13 06:00:00"):
                created, progress = self.cron_batch()
            self.assertFalse(created)
            self.assertEqual((progress.done, progress.remaining), (0, 0))
        finally:
            other.execute("DELETE FROM ir_config_parameter WHERE key = %s", [RUN_STAMP])
            other.commit()
            other.close()
