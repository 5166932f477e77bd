# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The key-date run, in one place: the scheduled action that, batch after batch, rolls passed dates
forward, flags late tasks, queues the SMS whose day has come (vip_sms_policy.py), selects what is due
(from the index of dates not reminded yet, ``_due_query``), and creates each due date's task, private
event and reminder, once (the reminder's unique key, the run's lock). What a key date is stays in
vip_key_date.py, what a reminder is in vip_key_date_reminder.py."""

import logging
from collections import defaultdict
from datetime import datetime, time

import psycopg2.errors

from odoo import Command, api, fields, models
from odoo.tools import SQL

from .vip_key_date import TZ_SLACK
from .vip_key_date_reminder import ENGINE_EVENT_CONTEXT

_logger = logging.getLogger(__name__)

# one key-date run at a time in the whole database, whichever node or worker starts it (an advisory lock
# held by the batch's transaction: a run killed midway lets go of it with its connection)
RUN_LOCK = 0x56495044  # "VIPD"
# the row each run stamps as it starts (see _take_run_lock)
RUN_STAMP = "vip_calendar.key_date_run"


class VipKeyDate(models.Model):
    _inherit = "vip.key.date"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _cron_create_reminders(self, batch_size=500):
        """One batch: roll passed dates forward, then remind what is due.

        Called again by the cron runner while ``remaining`` is not zero; each
        call commits as a whole, so a run killed midway loses nothing and
        creates nothing twice (one run at a time: the run's lock; one reminder
        per occurrence: its unique key).
        """
        if not self._take_run_lock():
            # another node or worker runs it now: step aside, it does the work (no duplicate, no error)
            _logger.info("VIP key-date run: another run is in progress, this one steps aside")
            self.env["ir.cron"]._notify_progress(done=0, remaining=0)
            return self.env["vip.key.date.reminder"]
        today_utc = fields.Date.context_today(self.with_context(tz="UTC"))
        self._roll_forward(today_utc - TZ_SLACK)
        self.env["vip.key.date.reminder"]._flag_late(today_utc - TZ_SLACK)
        self.env["vip.key.date.reminder"]._queue_due_sms()
        batch, due_count = self._due_candidates(today_utc + TZ_SLACK, batch_size)
        done = self.env["vip.key.date.reminder"]._create_for(batch)
        # Should the selection and _create_for ever disagree on what is due, a batch that created
        # nothing ends the run rather than spin on the same dates: the next hourly run takes them.
        remaining = due_count - len(batch) if done else 0
        self.env["ir.cron"]._notify_progress(done=len(done), remaining=remaining)
        return done

    @api.model
    def _take_run_lock(self):
        """Whether this transaction holds the run's lock (taken until it commits or rolls back) and sees
        everything the runs before it did.

        The lock alone is not enough: a run's transaction reads the database as it was when the
        transaction began (repeatable read), which may be before another run committed its reminders and
        let go of the lock. Each run stamps a row as it starts; a run whose view of the database predates
        the last stamp fails to lock that row (could not serialize) and steps aside, before it does
        anything, rather than try to insert what the other run inserted."""
        cr = self.env.cr
        cr.execute(SQL("SELECT pg_try_advisory_xact_lock(%s)", RUN_LOCK))
        if not cr.fetchone()[0]:
            return False
        try:
            with cr.savepoint(flush=False):
                cr.execute(
                    SQL(
                        """INSERT INTO ir_config_parameter (key, value, create_uid, create_date, write_uid, write_date)
                           VALUES (%s, clock_timestamp()::varchar, 1, now() at time zone 'UTC', 1,
                                   now() at time zone 'UTC')
                           ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value""",
                        RUN_STAMP,
                    ),
                    log_exceptions=False,
                )
        except psycopg2.errors.SerializationFailure:
            return False
        return True

    @api.model
    def _roll_forward(self, before):
        passed = self.search([("next_date", "<", before), ("active", "=", True)])
        if passed:
            passed._compute_next_date()
            passed.flush_recordset(["next_date", "reminder_date"])
        return passed

    @api.model
    def _due_candidates(self, horizon, limit):
        """Active key dates whose reminder is due by ``horizon`` and not yet created: the first ``limit``
        of them, and how many are due in all (for the run's progress report)."""
        self.env["vip.key.date.reminder"].flush_model()
        self.flush_model(["reminder_date", "reminded_date", "next_date", "active", "dossier_id"])
        rows = self.env.execute_query(self._due_query(horizon, limit))
        return self.browse(row[0] for row in rows), rows[0][1] if rows else 0

    @api.model
    def _due_query(self, horizon, limit):
        """The selection of the run (the benchmark explains this very query)."""
        return SQL(
            """
                -- What may be due, from the partial index of dates whose next occurrence has no
                -- reminder (the reminder's insert marks its key date: reminded_date): a few rows in an
                -- ordinary hour, however many dates sit in their lead time already reminded.
                -- MATERIALIZED: the planner cannot tell those hours from a backlog, and would walk
                -- every client to find nothing. Two runs never reach the same date at once: the second
                -- steps aside (the run's lock).
                WITH due AS MATERIALIZED (
                    SELECT kd.id, kd.dossier_id, kd.reminder_date, kd.next_date
                      FROM vip_key_date kd
                     WHERE kd.active AND kd.reminder_date IS NOT NULL AND kd.reminder_date <= %(horizon)s
                       AND kd.reminded_date IS DISTINCT FROM kd.next_date
                ), people AS NOT MATERIALIZED (
                    -- joined (and hashed) once, rather than a time-zone lookup per due date; the time is
                    -- converted in the chosen person's zone only: a zone PostgreSQL does not know, on a
                    -- user who gets none of these tasks, must not stop the run
                    SELECT u.id, u.active, u.active AND NOT COALESCE(u.vip_absent, false) AS present,
                           COALESCE(p.tz, 'UTC') AS tz
                      FROM res_users u
                      JOIN res_partner p ON p.id = u.partner_id
                )
                -- how many are due in all, counted in the same pass (the sort reads them all anyway)
                SELECT due.id, count(*) OVER ()
                  FROM due
                  JOIN vip_dossier d ON d.id = due.dossier_id
                  LEFT JOIN people m ON m.id = d.user_id
                  LEFT JOIN people dep ON dep.id = d.deputy_id
                 WHERE d.active AND d.state != 'closed'
                   -- due where the one who gets the task is, as vip.dossier._vip_responsible() says
                   AND due.reminder_date <= ((%(utc_now)s::timestamp AT TIME ZONE 'UTC') AT TIME ZONE CASE
                        WHEN m.present THEN m.tz
                        WHEN dep.present THEN dep.tz
                        WHEN m.active THEN m.tz
                        ELSE 'UTC'
                       END)::date
                 -- a batch holds few managers: a task subscribes its manager to the client, one call per manager
                 ORDER BY d.user_id, due.reminder_date, due.id
                LIMIT %(limit)s
                """,
            horizon=horizon,
            limit=limit,
            utc_now=fields.Datetime.now(),
        )


class VipKeyDateReminder(models.Model):
    _inherit = "vip.key.date.reminder"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _flag_late(self, today):
        """Open tasks whose date has passed count as late in the on-time share."""
        late = self.search(
            [
                ("state", "=", "open"),
                ("done_date", "=", False),
                ("occurrence_date", "<", today),
                ("on_time_rate", "=", 100),
            ]
        )
        late.write({"on_time_rate": 0})
        return late

    @api.model
    def _create_for(self, key_dates):
        """Remind ``key_dates`` that are due in their manager's time zone; return the new reminders."""
        rows = []
        key_dates.dossier_id.quiet_period_ids.fetch(["dossier_id", "date_from", "date_to"])  # one query
        for key_date in key_dates:
            user = key_date._responsible()
            if user and key_date.reminder_date > user._vip_local_now().date():
                continue  # not yet due where the manager is
            reason = False if user else "manager"
            if user and not key_date._may_remind():
                reason = "consent"
            elif user and key_date._held_by_quiet_period():
                reason = "quiet"  # held: a greeting on a day the client is not to be disturbed
            # the SMS policy allows an SMS: it goes on the day; otherwise a call task now
            sms = not reason and key_date._sms_allowed()
            rows.append((key_date, user, reason, sms))
        if not rows:
            return self
        # The tasks first, so that each reminder is inserted with its links rather than updated with
        # them afterwards. Should the insert meet an occurrence reminded already but not marked so
        # (a reminder made outside the run), its new task goes again. A second run at the same time
        # does not get that far: it steps aside before it starts (the run's lock, vip_key_date.py).
        with_task = [(key_date, user) for key_date, user, reason, sms in rows if not reason and not sms]
        activities, events = self.env["mail.activity"], self.env["calendar.event"]
        if with_task:
            activities, events = self._create_activities_and_events(*self._task_values(with_task))
        links = {
            key_date.id: (activity, event)
            for (key_date, _user), activity, event in zip(with_task, activities, events, strict=True)
        }
        inserted = self._insert(rows, links)
        # rows written by SQL: what the ORM cached of these key dates' and clients' reminders is stale
        key_dates.invalidate_recordset(["reminder_ids", "reminded_date"])
        key_dates.dossier_id.invalidate_recordset(["reminder_ids"])
        new = self.browse(list(inserted))
        new.invalidate_recordset()  # a reminder opened again was in the cache as cancelled
        if unused := links.keys() - set(inserted.values()):
            self.env["mail.activity"].union(*(links[key_date_id][0] for key_date_id in unused)).unlink()
            self.env["calendar.event"].union(*(links[key_date_id][1] for key_date_id in unused)).with_context(
                no_mail_to_attendees=True
            ).unlink()
        return new

    def _insert(self, rows, links):
        """Insert the reminders of ``rows`` (key date, user, skip reason, SMS planned) with the task and
        the event ``links`` gives for their key date: only the first to reach an occurrence creates it;
        one cancelled when its date moved away and came back is opened again. Every key date of ``rows``
        is marked reminded for its occurrence, which takes it out of the run's index.

        Return the reminders inserted or opened again: {reminder id: key date id}."""
        # one array per column rather than a dozen parameters per reminder: far cheaper to compose
        if not rows:
            return {}
        columns = defaultdict(list)  # every row fills every column
        for key_date, user, reason, sms in rows:
            activity, event = links.get(key_date.id, (None, None))
            columns["key_date"].append(key_date.id)
            columns["occurrence"].append(key_date.next_date)
            columns["dossier"].append(key_date.dossier_id.id)
            columns["manager"].append(key_date.dossier_id.user_id.id or None)
            columns["user"].append(user.id or None)
            columns["state"].append("skipped" if reason else "open")
            columns["reason"].append(reason or None)
            columns["sms"].append(bool(sms))
            # the stored computes, as the ORM would set them: a new reminder is not late
            columns["rate"].append(0 if reason else 100)
            columns["activity"].append(activity.id if activity else None)
            columns["event"].append(event.id if event else None)
        result = self.env.execute_query(
            SQL(
                """
                WITH inserted AS (
                    INSERT INTO vip_key_date_reminder AS r
                           (key_date_id, occurrence_date, dossier_id, manager_id, user_id, state, skip_reason,
                            sms_planned, on_time, on_time_rate, activity_id, event_id,
                            create_uid, create_date, write_uid, write_date)
                    SELECT v.key_date_id, v.occurrence_date, v.dossier_id, v.manager_id, v.user_id, v.state,
                           v.skip_reason, v.sms_planned, false, v.on_time_rate, v.activity_id, v.event_id,
                           %(uid)s, now() at time zone 'UTC', %(uid)s, now() at time zone 'UTC'
                      FROM unnest(%(key_date)s::int[], %(occurrence)s::date[], %(dossier)s::int[],
                                  %(manager)s::int[], %(user)s::int[], %(state)s::varchar[], %(reason)s::varchar[],
                                  %(sms)s::bool[], %(rate)s::int[], %(activity)s::int[], %(event)s::int[])
                           AS v(key_date_id, occurrence_date, dossier_id, manager_id, user_id, state, skip_reason,
                                sms_planned, on_time_rate, activity_id, event_id)
                    ON CONFLICT (key_date_id, occurrence_date) DO UPDATE
                       SET manager_id = EXCLUDED.manager_id, user_id = EXCLUDED.user_id, state = EXCLUDED.state,
                           skip_reason = EXCLUDED.skip_reason, sms_planned = EXCLUDED.sms_planned,
                           sms_id = NULL, outcome = NULL, done_date = NULL, on_time = EXCLUDED.on_time,
                           on_time_rate = EXCLUDED.on_time_rate, activity_id = EXCLUDED.activity_id,
                           event_id = EXCLUDED.event_id, write_uid = EXCLUDED.write_uid,
                           write_date = EXCLUDED.write_date
                     WHERE r.state = 'cancelled'
                    RETURNING r.id, r.key_date_id
                ), marked AS (
                    -- every date of the batch now has its reminder: this run's, or one that existed
                    UPDATE vip_key_date kd SET reminded_date = kd.next_date
                     WHERE kd.id = ANY(%(key_date)s) AND kd.reminded_date IS DISTINCT FROM kd.next_date
                )
                SELECT id, key_date_id FROM inserted
                """,
                uid=self.env.uid,
                **columns,
            )
        )
        return dict(result)

    @api.model
    def _task_values(self, rows):
        """The values of the task and of the event of each ``(key date, user)`` of ``rows``, for the
        key date's next occurrence (the benchmark also creates them bare)."""
        model_id = self.env["ir.model"]._get_id("vip.dossier")
        activity_vals, event_vals = [], []
        for key_date, user in rows:
            # in the language of the manager who reads it
            key_date = key_date.with_context(lang=user.lang or "en_US")
            occurrence, dossier = key_date.next_date, key_date.dossier_id
            title = key_date._task_title()
            note = key_date._task_note()
            activity_vals.append(
                {
                    "res_model_id": model_id,
                    "res_id": dossier.id,
                    "activity_type_id": key_date._occasion_type().activity_type_id.id,
                    "summary": title,
                    "note": note,
                    "date_deadline": occurrence,
                    "user_id": user.id,
                }
            )
            event_vals.append(
                {
                    # the title and the link to the dossier; the greeting script is on the task
                    "name": title,
                    "allday": True,
                    # start and stop as calendar keeps them for an all-day event (08:00-18:00 of the
                    # day): the per-user default duration is not looked up, and the day's dates are
                    # computed from them rather than written back event by event by their inverse
                    "start": datetime.combine(occurrence, time(8)),
                    "stop": datetime.combine(occurrence, time(18)),
                    # stored computes given as they would compute them, so that they go into the INSERT
                    # rather than into an UPDATE of every new event and attendee (a tenth of the events' cost)
                    "duration": 10.0,
                    "privacy": "private",
                    "show_as": "free",
                    "user_id": user.id,
                    "partner_ids": [Command.set(user.partner_id.ids)],
                    # the manager's own reminder: attended, not an invitation waiting for an answer
                    "attendee_ids": [
                        Command.create(
                            {
                                "partner_id": user.partner_id.id,
                                "common_name": user.partner_id.name,
                                "state": "accepted",
                            }
                        )
                    ],
                    "res_model_id": model_id,
                    "res_model": "vip.dossier",  # as its related field would compute it, once per event
                    "res_id": dossier.id,
                    "alarm_ids": [(6, 0, [])],
                    # Any activity command keeps calendar from creating a "meeting" activity of its own; an
                    # empty one also keeps it from writing the event's values back on the task, one write
                    # per event. The task is linked to its event at its creation.
                    "activity_ids": [Command.clear()],
                }
            )
        return activity_vals, event_vals

    @api.model
    def _create_activities_and_events(self, activity_vals, event_vals):
        """Create the events, then the tasks linked to them: each in one batch, with no mail and no chatter."""
        events = self.env["calendar.event"].with_context(**ENGINE_EVENT_CONTEXT).create(event_vals)
        activity_vals = [
            dict(vals, calendar_event_id=event.id) for vals, event in zip(activity_vals, events, strict=True)
        ]
        # the morning digest tells managers about their tasks: no mail per task or event
        activities = self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(activity_vals)
        return activities, events
