# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
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
        [
            ("consent", "No consent to be contacted"),
            ("manager", "No active manager"),
            ("quiet", "Held: do not disturb"),
        ],
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
        if not self.env.su:
            # the run makes reminders (as the system); by hand, defaults (saved ones too) set every field
            # the check below would look for in the values (round 21)
            self._check_engine_fields(set(ENGINE_FIELDS))
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
