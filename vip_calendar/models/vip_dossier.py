# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from markupsafe import Markup

from odoo import api, fields, models
from odoo.osv import expression
from odoo.tools import SQL, split_every

from odoo.addons.base.models.res_partner import _tz_get
from odoo.addons.vip_dossier.models.vip_dossier import COMPLETENESS_FACTS as _COMPLETENESS_FACTS

from .vip_key_date import TZ_SLACK

# dossier fields the automatic key dates are made from
# what the completeness score reads on the dossier itself (see vip_dossier's COMPLETENESS_FACTS)
COMPLETENESS_FACTS = set(_COMPLETENESS_FACTS)
SYNC_FIELDS = {
    "birth_date",
    "wedding_date",
    "client_since",
    "employer_id",
    "professional_holiday_ids",
    "active",
    "gender",
    "company_id",
}
# the yearly greetings of the company's policy, by the client's gender: (company switch, occasion, date)
# (the year of the date means nothing: the day comes back every year)
GENDER_GREETINGS = {
    "male": ("vip_greet_defender_day", "defender_day", date(2000, 2, 23)),
    "female": ("vip_greet_womens_day", "womens_day", date(2000, 3, 8)),
}


class VipDossier(models.Model):
    _inherit = "vip.dossier"

    wedding_date = fields.Date(tracking=True)
    sms_opt_in = fields.Boolean(string="Agrees to SMS Greetings", tracking=True)
    tz = fields.Selection(
        _tz_get, string="Time Zone", help="The client's time zone: SMS never arrive in the client's quiet hours."
    )
    professional_holiday_ids = fields.Many2many(
        "vip.professional.holiday",
        string="Professional Holidays",
        help="The client's own professional holidays, confirmed by the manager: the employer's industry only "
        "suggests them (a bank's lawyer does not celebrate Insurers' Day).",
    )
    suggested_holiday_ids = fields.Many2many(
        "vip.professional.holiday",
        compute="_compute_suggested_holiday_ids",
        string="Suggested by the Industry",
        help="The holidays of the employer's industry that the client does not have yet.",
    )
    key_date_ids = fields.One2many("vip.key.date", "dossier_id")
    reminder_ids = fields.One2many("vip.key.date.reminder", "dossier_id", string="Congratulations")
    next_key_date = fields.Date(compute="_compute_next_key_date")
    next_key_date_name = fields.Char(compute="_compute_next_key_date", string="Next Occasion")
    quiet_period_ids = fields.One2many("vip.quiet.period", "dossier_id", string="Do-Not-Disturb Periods")
    is_quiet = fields.Boolean(
        string="Do Not Disturb",
        compute="_compute_quiet",
        search="_search_is_quiet",
        help="A do-not-disturb period covers today: greetings and routine tasks are held back.",
    )
    quiet_banner = fields.Char(string="Do-Not-Disturb Notice", compute="_compute_quiet")

    def _compute_next_key_date(self):
        if not self.env["vip.key.date"].has_access("read"):
            # emergency access opens a client's dossier, not its calendar
            self.next_key_date = self.next_key_date_name = False
            return
        KeyDate = self.env["vip.key.date"]
        first = {}
        if dossier_ids := [id_ for id_ in self._origin.ids if id_]:
            # the first date of each client, as the ORM searches (record rules, archived dates left out)
            query = KeyDate._search([("dossier_id", "in", dossier_ids), ("next_date", "!=", False)])
            client, day, row_id = (SQL.identifier(query.table, name) for name in ("dossier_id", "next_date", "id"))
            query.order = SQL("%s, %s, %s", client, day, row_id)
            rows = self.env.execute_query(query.select(SQL("DISTINCT ON (%s) %s, %s", client, client, row_id)))
            first = dict(zip((row[0] for row in rows), KeyDate.browse(row[1] for row in rows), strict=True))
        for dossier in self:
            key_date = first.get(dossier._origin.id)
            dossier.next_key_date = key_date.next_date if key_date else False
            dossier.next_key_date_name = f"{key_date.occasion} — {key_date.person_name}" if key_date else False

    @api.depends("quiet_period_ids.date_from", "quiet_period_ids.date_to", "quiet_period_ids.reason")
    @api.depends_context("lang", "tz")
    def _compute_quiet(self):
        today = fields.Date.context_today(self)
        reasons = dict(self.env["vip.quiet.period"]._fields["reason"]._description_selection(self.env))
        for dossier in self:
            period = dossier._quiet_period_on(today)
            dossier.is_quiet = bool(period)
            dossier.quiet_banner = (
                self.env._(
                    "%(reason)s: %(until)s. Greetings and routine tasks are held back.",
                    reason=reasons.get(period.reason, ""),
                    until=period._until_text(),
                )
                if period
                else False
            )

    def _search_is_quiet(self, operator, value):
        if operator not in ("=", "!="):
            raise NotImplementedError(operator)
        today = fields.Date.context_today(self)
        domain = [("quiet_period_ids", "any", self.env["vip.quiet.period"]._covering_domain(today))]
        return domain if (operator == "=") == bool(value) else ["!", *domain]

    def _quiet_period_on(self, day):
        """The do-not-disturb period of the client that covers ``day`` (the one ending last), if any."""
        self.ensure_one()
        periods = self.quiet_period_ids.filtered(lambda p: p._covers(day))
        return periods.sorted(lambda p: (bool(not p.date_to), p.date_to or day), reverse=True)[:1]

    @api.depends("employer_id.industry_id", "professional_holiday_ids")
    def _compute_suggested_holiday_ids(self):
        Holiday = self.env["vip.professional.holiday"]
        by_industry = {}
        for dossier in self:
            industry = dossier.employer_id.industry_id
            if industry.id not in by_industry:
                domain = [("industry_ids", "in", industry.ids)] if industry else [(0, "=", 1)]
                by_industry[industry.id] = Holiday.search(domain)
            dossier.suggested_holiday_ids = by_industry[industry.id] - dossier.professional_holiday_ids

    def action_confirm_suggested_holidays(self):
        """The manager agrees with the industry's suggestion: the client celebrates these holidays."""
        for dossier in self:
            if dossier.suggested_holiday_ids:
                dossier.professional_holiday_ids |= dossier.suggested_holiday_ids
        return True

    @api.model_create_multi
    def create(self, vals_list):
        dossiers = super().create(vals_list)
        dossiers._sync_key_dates()
        return dossiers

    def write(self, vals):
        res = super().write(vals)
        if SYNC_FIELDS & set(vals):
            self._sync_key_dates()
        if COMPLETENESS_FACTS & set(vals):
            self._close_filled_gaps()
        return res

    def unlink(self):
        # through the ORM, so that pending tasks and events go too; sudo: the automatic dates go with
        # the client, which only the system may delete otherwise
        self.with_context(active_test=False).key_date_ids.sudo().unlink()
        return super().unlink()

    def action_new_quiet_period(self):
        """The client asked not to be disturbed (or is in mourning): a new period, in a dialog."""
        self.ensure_one()
        # a period is a change of the client: the dialog is not even offered to who may not
        self.check_access("write")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Do Not Disturb"),
            "res_model": "vip.quiet.period",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_dossier_id": self.id, "vip_embedded": True},
        }

    def _vip_responsible(self):
        """Who gets the client's tasks: the manager, or the deputy when the manager is away.

        The hourly run's selection (``vip.key.date._due_query``) says the same in SQL: change both.
        """
        self.ensure_one()
        manager, deputy = self.user_id, self.deputy_id
        if manager and manager.active and not manager.vip_absent:
            return manager
        if deputy and deputy.active and not deputy.vip_absent:
            return deputy
        return manager if manager and manager.active else self.env["res.users"]

    def _quiet_periods_changed(self):
        """A do-not-disturb period was added, moved or removed: the greetings of these clients are
        decided again. An open greeting (a task, an SMS not sent) whose day is now in a period is
        dropped, and one held whose day is no longer in any is released: either way the next run
        makes it again, held or not (the run decides, in one place)."""
        today = fields.Date.context_today(self) - TZ_SLACK
        Reminder = self.env["vip.key.date.reminder"]
        # sudo: the reminders are the run's, kept by the system; only these clients' (whose period the
        # user just changed, checked by the period's own rules), from today on
        reminders = Reminder.sudo().search(
            [
                ("dossier_id", "in", self.ids),
                ("occurrence_date", ">=", today),
                ("state", "in", ("open", "skipped")),
                ("key_date_id.type_id.is_greeting", "=", True),
            ]
        )
        held = reminders.filtered(lambda r: r.state == "skipped" and r.skip_reason == "quiet")
        open_ = reminders.filtered(lambda r: r.state == "open" and r.pending)
        released = held.filtered(lambda r: not r.dossier_id._quiet_period_on(r.occurrence_date))
        to_hold = open_.filtered(lambda r: r.dossier_id._quiet_period_on(r.occurrence_date))
        (released | to_hold)._cancel()

    def _close_filled_gaps(self):
        """The dossier is complete now: its «fill the gaps» task is done."""
        gaps = self.env.ref("vip_calendar.mail_activity_type_fill_gaps", raise_if_not_found=False)
        complete = self.filtered(lambda d: not d.is_incomplete)
        if gaps and complete:
            complete.activity_ids.filtered(lambda a: a.activity_type_id == gaps).action_done()

    def _fill_gaps_note(self):
        """The task's note: what is missing, in the language of the context (the manager's)."""
        self.ensure_one()
        return Markup("<p>%s</p><p>%s</p>") % (
            self.env._("The dossier is %(percent)s%% complete. Missing:", percent=self.completeness),
            self.missing_facts,
        )

    @api.model
    def _cron_fill_gaps(self, batch_size=500):
        """Once a month: one «fill the gaps» task per incomplete dossier for its responsible manager.

        Never a second one while the first is open; none for closed clients nor for a client in a
        do-not-disturb period; a task whose dossier became complete is done.
        """
        gaps = self.env.ref("vip_calendar.mail_activity_type_fill_gaps")
        filled = self.search([("is_incomplete", "=", False), ("activity_ids.activity_type_id", "=", gaps.id)])
        filled._close_filled_gaps()
        return self._vip_give_routine_tasks(
            gaps,
            [("is_incomplete", "=", True), ("state", "!=", "closed")],
            lambda dossier: {
                "summary": dossier.env._("Fill the gaps in the dossier"),
                "note": dossier._fill_gaps_note(),
            },
            batch_size,
        )

    @api.model
    def _vip_give_routine_tasks(self, activity_type, due_domain, task_texts, batch_size):
        """One batch of the desk's routine tasks (employer watch, filling the dossier): a task of
        ``activity_type`` due today for the responsible manager of each client ``due_domain`` finds, never a
        second while one is open, none for a client in a do-not-disturb period. ``task_texts(dossier)``
        gives the task's summary (and note), in the language of the manager who reads it."""
        due = self.search(
            expression.AND(
                [
                    due_domain,
                    [
                        ("is_quiet", "=", False),
                        ("activity_ids", "not any", [("activity_type_id", "=", activity_type.id)]),
                    ],
                ]
            ),
            limit=batch_size + 1,
        )
        batch = due[:batch_size]
        today = fields.Date.context_today(self)
        model_id = self.env["ir.model"]._get_id(self._name)
        vals = []
        for dossier in batch:
            user = dossier._vip_responsible()
            if not user:
                continue
            texts = task_texts(dossier.with_context(lang=user.lang or "en_US"))
            vals.append(
                {
                    "res_model_id": model_id,
                    "res_id": dossier.id,
                    "activity_type_id": activity_type.id,
                    "date_deadline": today,
                    "user_id": user.id,
                    **texts,
                }
            )
        self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(vals)
        self.env["ir.cron"]._notify_progress(done=len(batch), remaining=max(len(due) - len(batch), 0))
        return batch

    @api.model
    def _sync_key_dates_in_batches(self, dossier_ids, batch_size=1000):
        """Synchronise many clients after a change of the bank's policy, a batch at a time: what one
        pass loads stays bounded whatever the number of clients."""
        for batch in split_every(batch_size, dossier_ids):
            self.browse(batch)._sync_key_dates()
            self.env.flush_all()
            self.env.invalidate_all()

    def _sync_key_dates(self):
        """Keep the automatic key dates equal to what the dossiers say, in one pass: the dates they give
        now, the existing ones moved, dropped or back, the missing ones created.

        sudo: key dates are derived data kept by the system; whoever changes a
        birth date or an employer's founding date (possibly without VIP rights,
        on the company's card) must see the reminders follow.
        """
        KeyDate = self.env["vip.key.date"].sudo().with_context(active_test=False)
        dossiers = self.sudo().with_context(active_test=False).exists()
        if not dossiers:
            return
        desired = dossiers._desired_key_dates()
        existing = KeyDate.search([("dossier_id", "in", dossiers.ids), ("source", "=", "auto")])
        missing = self._follow_desired_key_dates(existing, desired)
        dossiers._follow_deceased_relatives(KeyDate)
        KeyDate.create(
            [
                {
                    "dossier_id": dossier_id,
                    "type_id": type_id,
                    "relative_id": relative_id,
                    "holiday_id": holiday_id,
                    "trusted_person_id": trusted_id,
                    "base_date": base_date,
                    "source": "auto",
                }
                for (dossier_id, type_id, relative_id, holiday_id, trusted_id), base_date in missing.items()
            ]
        )

    def _desired_key_dates(self):
        """The automatic key dates these dossiers give now: ``{(dossier, type, relative, holiday, trusted
        person): base date}`` (ids; False where the date is not about one)."""
        # the occasions in use: an archived one gives no dates (the dossiers are read archived ones included)
        types = {t.code: t for t in self.env["vip.key.date.type"].sudo().with_context(active_test=True).search([])}
        desired = {}

        def want(dossier, code, base_date=False, relative=None, holiday=None, trusted=None):
            key_type = types.get(code)
            if not key_type or not (base_date or holiday):
                return
            key = (
                dossier.id,
                key_type.id,
                relative.id if relative else False,
                holiday.id if holiday else False,
                trusted.id if trusted else False,
            )
            desired[key] = base_date

        for dossier in self.filtered("active"):
            want(dossier, "birthday", dossier.birth_date)
            want(dossier, "wedding", dossier.wedding_date)
            want(dossier, "client_anniversary", dossier.client_since)
            want(dossier, "employer_anniversary", dossier.employer_id.founding_date)
            # 23 February for men, 8 March for women, when the company's policy says so
            if greeting := GENDER_GREETINGS.get(dossier.gender):
                switch, code, day = greeting
                if dossier.company_id[switch]:
                    want(dossier, code, day)
            # close family only (the relation type says who), never an archived relative nor one who died
            for relative in dossier.relative_ids.filtered(
                lambda r: r.active and not r.is_deceased and r.birth_date and r.relation_type_id.is_family
            ):
                want(dossier, "relative_birthday", relative.birth_date, relative=relative)
            for trusted in dossier.trusted_person_ids.filtered("valid_to"):
                want(dossier, "poa_expiry", trusted.valid_to, trusted=trusted)
            # the client's own holidays, as the manager confirmed them; an archived one reminds no more
            for holiday in dossier.professional_holiday_ids.filtered("active"):
                want(dossier, "professional_holiday", holiday=holiday)
        return desired

    @api.model
    def _follow_desired_key_dates(self, existing, desired):
        """The ``existing`` automatic key dates follow ``desired``: moved to their new date, back when
        they were dropped, dropped when no longer given. Returns what is desired and does not exist."""
        missing = dict(desired)
        obsolete = existing.browse()
        for key_date in existing:
            key = (
                key_date.dossier_id.id,
                key_date.type_id.id,
                key_date.relative_id.id,
                key_date.holiday_id.id,
                key_date.trusted_person_id.id,
            )
            if key not in missing:
                if not key_date.dropped:
                    obsolete |= key_date
                continue
            base_date = missing.pop(key)
            vals = {"base_date": base_date} if key_date.base_date != base_date else {}
            if key_date.dropped:
                vals.update(active=True, dropped=False)  # back, with the manager's note, lead time and channel
            if vals:
                key_date.write(vals)
        # Dropped, not deleted: a date the dossier no longer gives (a founding date cleared on the
        # company's card, which anyone may edit; an archived relative) keeps what its manager set on it,
        # should it come back. Its pending task goes with it.
        obsolete.write({"active": False, "dropped": True})
        return missing

    def _follow_deceased_relatives(self, KeyDate):
        """The dates entered by hand about a relative who died are dropped the same way, and come back
        should the flag have been a mistake."""
        about_relatives = KeyDate.search(
            [("dossier_id", "in", self.ids), ("source", "=", "manual"), ("relative_id", "!=", False)]
        )
        about_relatives.filtered(lambda k: k.active and k.relative_id.is_deceased).write(
            {"active": False, "dropped": True}
        )
        about_relatives.filtered(lambda k: k.dropped and not k.relative_id.is_deceased).write(
            {"active": True, "dropped": False}
        )
