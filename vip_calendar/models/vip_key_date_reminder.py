# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import datetime, time

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError
from odoo.models import READ_GROUP_AGGREGATE, parse_read_group_spec
from odoo.tools import SQL

OUTCOMES = [
    ("done", "Congratulated"),
    ("unreachable", "Unreachable"),
    ("declined", "Declined"),
    ("rescheduled", "Rescheduled"),
]
# how the run makes and changes its private events: no invitation mail, no chatter, no follower
ENGINE_EVENT_CONTEXT = {
    "vip_key_date_run": True,
    "no_mail_to_attendees": True,
    "dont_notify": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "tracking_disable": True,
}
# set by the key-date run only (see _check_engine_fields)
ENGINE_FIELDS = {
    "key_date_id",
    "occurrence_date",
    "dossier_id",
    "manager_id",
    "user_id",
    "activity_id",
    "event_id",
    "sms_id",
}
# what a user records on a reminder: how it went. Everything else (the engine's fields above, its state, the
# day the task was done, the on-time figures) is the system's.
USER_FIELDS = {"outcome"}
# states of a reminder that was due to be acted on: the on-time share counts only these
DUE_STATES = ("open",)


class VipKeyDateReminder(models.Model):
    """One occurrence of a key date, reminded once: its task and its calendar event.

    The pair (key date, occurrence) is unique in the database: however many
    runs or workers reach the same occurrence, one reminder exists.
    """

    _name = "vip.key.date.reminder"
    _description = "VIP Key Date Reminder"
    _inherit = ["vip.input.mixin", "vip.access.logged.mixin"]
    _order = "occurrence_date desc, id desc"
    _rec_name = "key_date_id"

    # looked up through the unique (key_date_id, occurrence_date) index below
    key_date_id = fields.Many2one("vip.key.date", required=True, ondelete="cascade")
    occurrence_date = fields.Date(string="Date", required=True)
    dossier_id = fields.Many2one("vip.dossier", string="Client", required=True, ondelete="cascade", index=True)
    user_id = fields.Many2one("res.users", string="Assigned To", index=True)
    state = fields.Selection(
        [("open", "Open"), ("skipped", "Skipped"), ("cancelled", "Cancelled")],
        default="open",
        required=True,
    )
    skip_reason = fields.Selection(
        [("consent", "No consent to be contacted"), ("manager", "No active manager")],
    )
    activity_id = fields.Many2one("mail.activity", ondelete="set null", index="btree_not_null")
    event_id = fields.Many2one("calendar.event", ondelete="set null", index="btree_not_null")
    pending = fields.Boolean(compute="_compute_pending", help="Its task is still open, or its SMS not sent yet.")
    status = fields.Selection(
        [
            ("todo", "To Do"),
            ("late", "Overdue"),
            ("done", "Done"),
            ("skipped", "Skipped"),
            ("cancelled", "Cancelled"),
        ],
        compute="_compute_status",
        help="Where the reminder stands for the manager: its task to do (late once the date has passed), done, "
        "or skipped or cancelled by the key-date run.",
    )
    outcome = fields.Selection(OUTCOMES, help="How the congratulation went, recorded when the task is done.")
    sms_planned = fields.Boolean(
        string="Greeting by SMS", readonly=True, help="The SMS policy allowed an SMS: it goes on the day itself."
    )
    sms_id = fields.Many2one("sms.sms", string="SMS", ondelete="set null", readonly=True)
    done_date = fields.Date(readonly=True)
    on_time = fields.Boolean(compute="_compute_on_time", store=True)
    on_time_rate = fields.Integer(
        string="Done on Time (%)",
        compute="_compute_on_time",
        store=True,
        aggregator="avg",
        help="100 when the task was done by the date, 0 otherwise: averaged, the share done on time. Only the "
        "reminders that were due to be acted on count: skipped and cancelled ones are left out of the average.",
    )
    manager_id = fields.Many2one(
        "res.users",
        index=True,
        readonly=True,
        help="The client's manager when the reminder was made, or to whom a handover gave it while it was still "
        "to act on: the on-time share of what is done stays with who had to do it.",
    )

    _sql_constraints = [
        (
            "occurrence_uniq",
            "unique(key_date_id, occurrence_date)",
            "This occurrence of the key date has been reminded already.",
        ),
    ]

    @api.depends("activity_id", "state", "sms_planned", "sms_id")
    def _compute_pending(self):
        for reminder in self:
            waiting_sms = reminder.sms_planned and not reminder.sms_id
            reminder.pending = reminder.state == "open" and bool(reminder.activity_id or waiting_sms)

    @api.depends("state", "done_date", "occurrence_date")
    @api.depends_context("tz")
    def _compute_status(self):
        today = fields.Date.context_today(self)
        for reminder in self:
            if reminder.state != "open":
                reminder.status = reminder.state
            elif reminder.done_date:
                reminder.status = "done"
            elif reminder.occurrence_date and reminder.occurrence_date < today:
                reminder.status = "late"
            else:
                reminder.status = "todo"

    @api.depends("done_date", "occurrence_date", "state")
    def _compute_on_time(self):
        today = fields.Date.context_today(self)
        for reminder in self:
            day = reminder.occurrence_date  # empty on a reminder being made: neither done on time nor late
            on_time = bool(reminder.state == "open" and reminder.done_date and day and reminder.done_date <= day)
            reminder.on_time = on_time
            # open and not yet due counts neither way: it is not late
            not_due = reminder.state == "open" and not reminder.done_date and (not day or day >= today)
            reminder.on_time_rate = 100 if on_time or not_due else 0

    @api.model
    def _read_group_select(self, aggregate_spec, query):
        """The on-time share counts only the reminders that were due to be acted on: skipped and
        cancelled ones (stored with a rate of 0) are left out of every aggregate of ``on_time_rate``
        (the pivot's average, a sum, a minimum), wherever it is grouped."""
        result = super()._read_group_select(aggregate_spec, query)  # checks the field and the function
        fname, _property, func = parse_read_group_spec(aggregate_spec)
        if fname != "on_time_rate" or func not in ("avg", "sum", "min", "max"):
            return result
        rate = self._field_to_sql(self._table, "on_time_rate", query)
        state = self._field_to_sql(self._table, "state", query)
        return READ_GROUP_AGGREGATE[func](self._table, SQL("CASE WHEN %s IN %s THEN %s END", state, DUE_STATES, rate))

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

    def _mark_done(self):
        """The manager marked the task done: keep when. How it went is what the manager recorded (the
        outcome wizard asks it), never assumed: a task marked done otherwise has no outcome, or keeps the
        one recorded before; a postponement is over once the task is done."""
        self.filtered(lambda r: r.outcome == "rescheduled").outcome = False
        self.done_date = fields.Date.context_today(self)

    def _cancel(self):
        """Drop the open task and the event of reminders whose date moved or went away."""
        # sudo: the task and the private event are the manager's; whoever changes
        # the client's dates (manager, deputy, administrator) must be able to clear
        # them. Only the ones that belong to the reminder's own client, whatever
        # the links say (they are also held by a constraint).
        activities = self.activity_id.sudo().filtered(lambda a: (a.res_model, a.res_id) in self._vip_own_documents())
        events = self.event_id.sudo().filtered(lambda e: (e.res_model, e.res_id) in self._vip_own_documents())
        activities.unlink()
        events.with_context(no_mail_to_attendees=True).unlink()
        # sudo: the state is the engine's; whoever moved the date (checked by the key date's write) cancels
        # the reminders of that very date
        self.sudo().write({"state": "cancelled"})
        self._unmark_reminded()

    @api.model_create_multi
    def create(self, vals_list):
        self._check_engine_fields(set().union(*vals_list) if vals_list else set())
        reminders = super().create(vals_list)
        for reminder in reminders.filtered(lambda r: not r.manager_id):
            # made outside the run (which inserts it with the manager of the day)
            reminder.manager_id = reminder.dossier_id.user_id
        return reminders

    def write(self, vals):
        self._check_engine_fields(set(vals))
        return super().write(vals)

    @api.model
    def _check_engine_fields(self, fnames):
        """What a reminder is about and what it created is set by the key-date run, never by a user:
        a reminder pointing at another client's task, event or SMS would show it (its name, a mobile).
        Its state and the day its task was done are the run's too (a reminder marked skipped while its task
        stays open would leave the on-time share): a user records the outcome, nothing else."""
        if self.env.su or not fnames:
            return
        if fnames & ENGINE_FIELDS:
            raise AccessError(
                self.env._(
                    "Reminders are made by the key-date run: their client, date, task, event and SMS cannot be "
                    "set by hand."
                )
            )
        if fnames - USER_FIELDS:
            raise AccessError(
                self.env._(
                    "Reminders are kept by the key-date run: record how the congratulation went when you mark its "
                    "task done; %(fields)s cannot be set by hand.",
                    fields=", ".join(
                        self._fields[name].string if name in self._fields else name
                        for name in sorted(fnames - USER_FIELDS)
                    ),
                )
            )

    def _vip_own_documents(self):
        return {("vip.dossier", dossier_id) for dossier_id in self.dossier_id.ids}

    def unlink(self):
        # a reminder deleted by hand: the next run reminds its occurrence again
        self._unmark_reminded()
        return super().unlink()

    def _unmark_reminded(self):
        """The occurrences of these reminders are no longer reminded: back in the run's index (should a
        date move away and back, its cancelled reminder is opened again by the run)."""
        occurrences = {(reminder.key_date_id.id, reminder.occurrence_date) for reminder in self}
        # sudo: only the system marks occurrences (the field's group); whoever moved the date clears its mark
        key_dates = self.key_date_id.sudo().filtered(lambda k: (k.id, k.reminded_date) in occurrences)
        key_dates.write({"reminded_date": False})

    @api.model
    def _create_for(self, key_dates):
        """Remind ``key_dates`` that are due in their manager's time zone; return the new reminders."""
        rows = []
        for key_date in key_dates:
            user = key_date._responsible()
            if user and key_date.reminder_date > user._vip_local_now().date():
                continue  # not yet due where the manager is
            reason = False if user else "manager"
            if user and not key_date._may_remind():
                reason = "consent"
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
