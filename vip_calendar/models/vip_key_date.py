# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, format_date

from .vip_key_date_type import GREETING_CHANNELS, check_lead_days
from .vip_professional_holiday import next_anniversary

# the earliest and latest "today" on Earth (UTC-12 … UTC+14), around UTC's
TZ_SLACK = timedelta(days=1)


class VipKeyDate(models.Model):
    """A date worth a call: a birthday, an anniversary, a professional holiday, an expiry.

    The next occurrence is stored, and so is the day its reminder is due
    (``reminder_date``) and the occurrence last reminded (``reminded_date``): a
    partial index holds only the dates whose next occurrence is not reminded yet,
    so the hourly run reads what is due from it rather than walk every date.
    """

    _name = "vip.key.date"
    _inherit = ["vip.input.mixin", "vip.relative.line.mixin", "vip.access.logged.mixin"]
    _description = "VIP Key Date"
    _order = "next_date, id"

    dossier_id = fields.Many2one("vip.dossier", string="Client", required=True, ondelete="cascade", index=True)
    type_id = fields.Many2one("vip.key.date.type", string="Occasion Type", required=True, ondelete="restrict")
    relative_id = fields.Many2one(
        "vip.relative",
        ondelete="cascade",
        index="btree_not_null",
        domain="[('dossier_id', '=', dossier_id)]",
        help="The relative the date concerns; empty for the client.",
    )
    holiday_id = fields.Many2one("vip.professional.holiday", string="Professional Holiday", ondelete="cascade")
    trusted_person_id = fields.Many2one("vip.trusted.person", ondelete="cascade", index="btree_not_null")
    name = fields.Char(
        string="Own Label", help="For an occasion entered by hand; when empty, the occasion's name is shown."
    )
    occasion = fields.Char(compute="_compute_occasion", help="In the reader's language.")
    person_name = fields.Char(string="Whose", compute="_compute_person_name")
    honorific = fields.Char(
        string="Form of Address",
        compute="_compute_honorific",
        help="How the person is greeted: «Уважаемый Иван Петрович», «Уважаемая Анна Сергеевна».",
    )
    base_date = fields.Date(
        string="Date",
        help="The original date: the birth date, the wedding, the founding of the employer. Empty for holidays.",
    )
    yearly = fields.Boolean(related="type_id.yearly")
    next_date = fields.Date(
        string="Next Occurrence",
        compute="_compute_next_date",
        store=True,
        index=True,
        help="Moved to the following year by the daily run once the date has passed.",
    )
    lead_days = fields.Integer(
        string="Remind Days Ahead",
        compute="_compute_lead_days",
        store=True,
        readonly=False,
        precompute=True,
    )
    reminder_date = fields.Date(compute="_compute_reminder_date", store=True, string="Remind On")
    reminded_date = fields.Date(
        string="Reminded For",
        readonly=True,
        copy=False,
        # only the run (as the system) marks an occurrence: nobody may silence a date over RPC
        groups="base.group_system",
        help="The occurrence last reminded, set by the run with its reminder.",
    )
    channel = fields.Selection(
        GREETING_CHANNELS, string="Greeting Channel", compute="_compute_channel", store=True, readonly=False
    )
    source = fields.Selection(
        [("auto", "From the dossier"), ("manual", "Entered by hand")], default="manual", required=True, readonly=True
    )
    note = fields.Text()
    active = fields.Boolean(default=True)
    dropped = fields.Boolean(
        readonly=True,
        copy=False,
        help="The dossier no longer gives this date (its source was cleared): archived with its settings, and "
        "active again when the dossier gives it back.",
    )
    user_id = fields.Many2one(related="dossier_id.user_id", string="Manager")
    reminder_ids = fields.One2many("vip.key.date.reminder", "key_date_id", string="Reminders")

    _sql_constraints = [
        ("lead_days_positive", "CHECK(lead_days >= 0)", "The reminder cannot come after the date."),
    ]

    def init(self):
        # The hourly run: "what is due?" is a range scan on this partial index, which holds only the
        # dates whose next occurrence has no reminder yet: the ones reminded earlier in their lead time
        # (a week's worth of dates at any moment) are not read again hour after hour.
        self.env.cr.execute(SQL("DROP INDEX IF EXISTS vip_key_date_due_idx"))
        # Each reminder updates its key date, and the old row's index entry (a reminder day already
        # past) is read by every run until a vacuum removes it: vacuum after 1% of the rows changed
        # (a few days of reminders at bank scale), not PostgreSQL's default 20% (months).
        self.env.cr.execute(SQL("ALTER TABLE vip_key_date SET (autovacuum_vacuum_scale_factor = 0.01)"))
        self.env.cr.execute(
            SQL(
                "CREATE INDEX IF NOT EXISTS vip_key_date_to_remind_idx ON vip_key_date (reminder_date) "
                "WHERE active AND reminder_date IS NOT NULL AND reminded_date IS DISTINCT FROM next_date"
            )
        )
        # one automatic key date per occasion and person, whatever the synchronisation does
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS vip_key_date_auto_uniq ON vip_key_date "
                "(dossier_id, type_id, COALESCE(relative_id, 0), COALESCE(holiday_id, 0), "
                "COALESCE(trusted_person_id, 0)) WHERE source = 'auto'"
            )
        )

    @api.depends("name", "holiday_id", "type_id", "next_date", "base_date")
    @api.depends_context("lang")
    def _compute_occasion(self):
        for key_date in self:
            if age := key_date._jubilee_age():
                # «Юбилей: 60 лет»: a round age ends in 0 or 5 (the company's constraint), so "лет" agrees
                key_date.occasion = self.env._(
                    "%(occasion)s: %(age)s years", occasion=key_date._occasion_type().name, age=age
                )
            else:
                key_date.occasion = key_date.holiday_id.name or key_date.name or key_date.type_id.name

    @api.depends("relative_id", "dossier_id", "relative_id.honorific", "dossier_id.honorific")
    @api.depends_context("lang")
    def _compute_honorific(self):
        for key_date in self:
            key_date.honorific = (key_date.relative_id or key_date.dossier_id).honorific

    @api.depends("occasion", "person_name")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for key_date in self:
            key_date.display_name = (
                f"{key_date.occasion}: {key_date.person_name}" if key_date.person_name else key_date.occasion
            )

    @api.depends("relative_id", "trusted_person_id", "dossier_id")
    def _compute_person_name(self):
        for key_date in self:
            person = key_date.relative_id or key_date.trusted_person_id or key_date.dossier_id
            key_date.person_name = person.name

    @api.depends("type_id")
    def _compute_lead_days(self):
        for key_date in self:
            key_date.lead_days = key_date.type_id.lead_days

    @api.depends("type_id")
    def _compute_channel(self):
        for key_date in self:
            if not key_date.channel:
                key_date.channel = key_date.type_id.channel

    @api.depends(
        "base_date",
        "type_id.yearly",
        "holiday_id.rule",
        "holiday_id.month",
        "holiday_id.day",
        "holiday_id.weekday",
        "holiday_id.week",
    )
    def _compute_next_date(self):
        today = fields.Date.context_today(self) - TZ_SLACK
        for key_date in self:
            key_date.next_date = key_date._next_occurrence(today)

    @api.depends("next_date", "lead_days")
    def _compute_reminder_date(self):
        for key_date in self:
            lead_days = key_date.lead_days
            if key_date._jubilee_age():
                # a round birthday is prepared longer ahead (a gift, a letter from the management)
                lead_days = max(lead_days, key_date._occasion_type().lead_days)
            key_date.reminder_date = key_date.next_date and key_date.next_date - timedelta(days=lead_days)

    def _age_on(self, occurrence):
        """How old the client turns on ``occurrence`` of a birthday."""
        self.ensure_one()
        return occurrence.year - self.base_date.year if occurrence and self.base_date else 0

    def _jubilee_age(self, occurrence=None):
        """The age when ``occurrence`` (the next one by default) of the client's birthday is a round birthday
        the company celebrates (its policy: 50, 55, 60…), else 0.

        A round birthday is not a second occasion on the same day: that year, the birthday's reminder is
        the jubilee's (its title, task type, script, SMS and longer lead time).
        """
        self.ensure_one()
        if self.type_id.code != "birthday" or self.relative_id or not self._jubilee_type():
            return 0
        age = self._age_on(occurrence or self.next_date)
        return age if age and self.dossier_id.company_id._vip_is_jubilee(age) else 0

    def _jubilee_type(self):
        # the id from the cached xmlid table, not env.ref: ref checks that the record exists with a query,
        # which the run paid for every date of every batch (328 queries in a batch of 500)
        jubilee_id = self.env["ir.model.data"]._xmlid_to_res_id(
            "vip_calendar.key_date_type_jubilee", raise_if_not_found=False
        )
        jubilee = self.env["vip.key.date.type"].browse(jubilee_id)
        return jubilee if jubilee_id and jubilee.active else self.env["vip.key.date.type"]

    def _occasion_type(self, occurrence=None):
        """The occasion ``occurrence`` (the next one by default) is reminded as: the date's own type, or the
        round birthday's in a round year."""
        self.ensure_one()
        return self._jubilee_type() if self._jubilee_age(occurrence) else self.type_id

    def _next_occurrence(self, today):
        """The first occurrence on or after ``today`` (False once a one-off date has passed)."""
        self.ensure_one()
        if self.holiday_id:
            return self.holiday_id._next_occurrence(today)
        if not self.base_date:
            return False
        if not self.type_id.yearly:
            return self.base_date if self.base_date >= today else False
        return next_anniversary(self.base_date, today, self.dossier_id.company_id.vip_feb29_policy)

    @api.constrains("lead_days")
    def _check_lead_days(self):
        check_lead_days(self)

    @api.constrains("base_date", "holiday_id")
    def _check_date(self):
        for key_date in self:
            if not key_date.base_date and not key_date.holiday_id:
                raise ValidationError(self.env._("A key date needs a date."))

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            # defaults included, saved ones too (round 21)
            forged = any(
                (vals.get("source") or "manual") != "manual" or vals.get("dropped")
                for vals in self._vip_creation_values(vals_list)
            )
            if forged:
                # a date made "automatic" by hand could not be deleted and would take the place of the one
                # the dossier gives (round 19)
                raise UserError(
                    self.env._(
                        "Whether a key date follows the dossier is set by the system: a date entered by hand is "
                        "your own."
                    )
                )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and ({"source", "dropped"} & set(vals) or (vals.get("active") and self.filtered("dropped"))):
            # an automatic date made "manual" could be deleted, and the client silently never reminded; a
            # dropped one comes back when the dossier gives it again, not by hand
            raise UserError(
                self.env._(
                    "Whether a key date follows the dossier is set by the system: to bring a date back, correct "
                    "the dossier (the birth date, the relative, the employer's founding date)."
                )
            )
        moved = self.browse()
        if {"base_date", "lead_days", "holiday_id"} & set(vals):
            moved = self.filtered(lambda k: k.reminder_ids.filtered("pending"))
            old = {k.id: k.next_date for k in moved}
        res = super().write(vals)
        if moved:
            # the pending task follows the date: drop it, the next run creates the right one
            changed = moved.filtered(lambda k: k.next_date != old[k.id])
            changed.reminder_ids.filtered("pending")._cancel()
        if vals.get("active") is False:
            # paused: its pending task and event go; active again, the run reminds it anew
            self.reminder_ids.filtered("pending")._cancel()
        return res

    def unlink(self):
        if not self.env.su and any(key_date.source == "auto" for key_date in self):
            raise UserError(
                self.env._(
                    "%(date)s follows the dossier and cannot be deleted: archive it to pause its reminders, or "
                    "correct the dossier.",
                    date=self.filtered(lambda k: k.source == "auto")[:1].display_name,
                )
            )
        # no orphan: pending tasks and events of deleted dates go with them
        self.reminder_ids.filtered("pending")._cancel()
        return super().unlink()

    # ------------------------------------------------------------------
    # the daily run
    # ------------------------------------------------------------------

    @api.model
    def _this_week(self, today, domain=(), limit=10):
        """The key dates of ``domain`` in the seven days from ``today``, as the home screens list them
        (My Day, the management overview): how many, and the first ``limit``."""
        domain = [*domain, ("next_date", ">=", today), ("next_date", "<=", today + timedelta(days=6))]
        dates = self.search(domain, order="next_date, id", limit=limit)
        return {
            "count": self.search_count(domain),
            "items": [
                {
                    "id": key_date.id,
                    "name": key_date.display_name,
                    "date": format_date(self.env, key_date.next_date, date_format="EEE d MMM"),
                    "today": key_date.next_date == today,
                    "person": key_date.person_name or "",
                    "occasion": key_date.type_id.name or key_date.occasion or "",
                    "client": key_date.dossier_id.name or "",
                    "dossier_id": key_date.dossier_id.id,
                    "manager": key_date.user_id.name or "",
                }
                for key_date in dates
            ],
        }

    def _responsible(self):
        """Who gets the task: the manager, or the deputy when the manager is away."""
        self.ensure_one()
        return self.dossier_id._vip_responsible()

    def _may_contact(self):
        """152-FZ: nobody is contacted without a valid consent (a relative also agrees to be contacted)."""
        self.ensure_one()
        return (self.relative_id or self.dossier_id).contact_allowed

    def _held_by_quiet_period(self, day=None):
        """A greeting whose day (the next occurrence by default) falls in one of the client's
        do-not-disturb periods is held: no task, no SMS. The bank's business with the client (not a
        greeting) never is."""
        self.ensure_one()
        day = day or self.next_date
        return bool(self.type_id.is_greeting and day and self.dossier_id._quiet_period_on(day))

    def _through_client(self):
        """A relative's greeting when the relative did not agree to be contacted: the manager mentions
        the date to the client instead, and the task carries none of the relative's data."""
        self.ensure_one()
        return bool(self.relative_id) and self.type_id.is_greeting and not self.relative_id.contact_allowed

    def _may_remind(self):
        """Whether the occurrence gets its task at all.

        A greeting needs someone to greet: the person, or the client for a
        relative who may not be contacted. What is not a greeting (a power of
        attorney that ends) is the bank's business with the client: always.
        """
        self.ensure_one()
        if not self.type_id.is_greeting or self._may_contact():
            return True
        return self._through_client() and self.dossier_id.contact_allowed

    def _task_title(self):
        """The task's and the event's title, in the language of the context (the manager's)."""
        self.ensure_one()
        if self._through_client():
            return self.env._(
                "%(occasion)s (%(relation)s): mention it to the client",
                occasion=self.occasion,
                relation=self.relative_id.relation_type_id.name,
            )
        return self.env._("%(occasion)s: %(person)s", occasion=self.occasion, person=self.person_name)

    def _task_note(self):
        """The greeting script of the service standard, and the person's preferences worth a gift."""
        self.ensure_one()
        if self._through_client():
            script = Markup("<p>%s</p>") % self.env._(
                "This relative has not agreed to be contacted: do not call or write to them. Mention the date to "
                "the client when you next speak."
            )
            return script + (Markup("<p>%s</p>") % escape(self.note) if self.note else Markup())
        person = self.relative_id or self.dossier_id
        parts = [
            # the form of address agrees with the person's gender: «Уважаемая Анна Сергеевна»
            Markup("<p>%s</p>") % self.env._("Greeting: «%(greeting)s»", greeting=person.honorific),
            self._occasion_type().greeting_script or "",
        ]
        preferences = person.preference_ids.filtered(lambda p: p.category_id.is_gift_idea)
        if preferences:
            items = Markup("").join(Markup("<li>%s: %s</li>") % (p.category_id.name, p.value) for p in preferences)
            parts.append(Markup("<p>%s</p><ul>%s</ul>") % (self.env._("Gift ideas:"), items))
        if self.note:
            parts.append(Markup("<p>%s</p>") % escape(self.note))
        return Markup("").join(Markup(p) if isinstance(p, str) else p for p in parts)
