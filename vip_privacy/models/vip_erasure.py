# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, format_date

from odoo.addons.vip_dossier.models.vip_input_mixin import NAME_SIZE, check_not_in_future

# 152-FZ art. 21 p. 5: the data is destroyed within thirty days of the withdrawal
ERASURE_DAYS = 30
# the manager's task is due this many days before the legal deadline
TASK_DAYS_AHEAD = 5
# what a user may change on a case; the rest follows the consent and the erasure (the system's)
USER_FIELDS = frozenset({"document", "note"})
# what a relative the bank must keep (``vip.relative._vip_retention_grounds``) loses all the same: contact data,
# notes and what they agreed to. Kept for the record (a gift is a tax record): the name, the relation, the birth
# date (the tax agent's statement names the recipient by them), the public office, the consent's own dates.
KEPT_RELATIVE_CLEARED = (
    "phone",
    "email",
    "notes",
    "contact_consent",
    "contact_consent_channel",
    "contact_consent_date",
    "contact_consent_source",
    "sms_opt_in",
)


def check_withdrawal_date(records):
    """A withdrawal is a fact: not dated in the future (the case and the wizard that records it)."""
    check_not_in_future(
        records,
        "withdrawal_date",
        lambda _record, date: records.env._("Consent cannot be withdrawn in the future (%(date)s).", date=date),
    )


class VipErasure(models.Model):
    """A person withdrew their consent: what rests on consent only is erased within thirty days.

    A case is opened by recording the withdrawal (the client's or a relative's
    consent), once per withdrawal (a partial unique index), and cancelled when
    the consent is given again before the erasure. Its state, dates and what
    was erased are the system's: a user records the document and a note, and
    erases (the client's managers or a VIP administrator).
    """

    _name = "vip.erasure"
    _description = "VIP Personal Data Erasure"
    _inherit = ["vip.input.mixin", "vip.access.logged.mixin"]
    _order = "state_sequence, deadline, id"
    _rec_names_search = ["dossier_id.name", "relative_id.name"]

    dossier_id = fields.Many2one(
        "vip.dossier", string="Client", required=True, ondelete="cascade", index=True, readonly=True
    )
    relative_id = fields.Many2one(
        "vip.relative",
        ondelete="set null",
        index="btree_not_null",
        readonly=True,
        domain="[('dossier_id', '=', dossier_id)]",
        help="The relative who withdrew their consent; empty for the client.",
    )
    person_kind = fields.Selection(
        [("client", "Client"), ("relative", "Relative")], string="Whose Consent", required=True, readonly=True
    )
    # kept after the relative is erased: the case then names the relation, not the person
    relation_type_id = fields.Many2one("vip.relation.type", string="Relation", readonly=True, ondelete="set null")
    person_name = fields.Char(string="Person", compute="_compute_person_name")
    user_id = fields.Many2one(related="dossier_id.user_id", string="Manager", store=True, index=True, readonly=True)
    withdrawal_date = fields.Date(string="Consent Withdrawn On", required=True, readonly=True)
    document = fields.Char(
        string="Withdrawal Document",
        size=NAME_SIZE,
        help="The person's statement withdrawing the consent: its number, date, how it came in.",
    )
    note = fields.Text()
    deadline = fields.Date(
        compute="_compute_deadline",
        store=True,
        index=True,
        help="The withdrawal date plus 30 days (152-FZ art. 21 p. 5): the data must be erased by then.",
    )
    state = fields.Selection(
        [("due", "To Erase"), ("done", "Erased"), ("cancelled", "Cancelled")],
        required=True,
        default="due",
        readonly=True,
        index=True,
    )
    state_sequence = fields.Integer(compute="_compute_state_sequence", store=True)
    is_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_is_overdue",
        search="_search_is_overdue",
        help="Past the 30 days and not erased: a breach of 152-FZ.",
    )
    cancel_reason = fields.Char(string="Cancelled Because", readonly=True)
    scope = fields.Text(
        string="What Is Erased",
        compute="_compute_scope",
        help="For a due case, what the erasure will remove now; once erased, what it removed (counts).",
    )
    erased_summary = fields.Text(string="What Was Erased", readonly=True)
    kept_reason = fields.Text(
        string="Kept Because",
        readonly=True,
        help="Relatives the bank must keep on another legal ground (a gift is a tax record): archived, their "
        "contact data cleared, their name kept. Why, as the erasure found it.",
    )
    erased_date = fields.Datetime(string="Erased On", readonly=True)
    erased_by_id = fields.Many2one("res.users", readonly=True, ondelete="restrict")
    # the system's own mark: the manager's task (on the client) this case opened
    activity_id = fields.Many2one(
        "mail.activity", readonly=True, copy=False, ondelete="set null", groups="base.group_system"
    )
    task_user_id = fields.Many2one("res.users", string="Task For", compute="_compute_task")
    task_date = fields.Date(string="Task Due", compute="_compute_task")

    def init(self):
        # one open case per person: a withdrawal recorded twice, or by two users at once, opens one
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS vip_erasure_due_uniq ON vip_erasure "
                "(dossier_id, person_kind, COALESCE(relative_id, 0)) WHERE state = 'due'"
            )
        )

    @api.depends("relative_id", "relation_type_id", "person_kind", "dossier_id")
    @api.depends_context("lang")
    def _compute_person_name(self):
        for case in self:
            if case.person_kind == "client":
                case.person_name = case.dossier_id.name
            elif case.relative_id:
                case.person_name = case.relative_id.display_name
            else:
                case.person_name = self.env._(
                    "Erased relative (%(relation)s)", relation=case.relation_type_id.name or "-"
                )

    @api.depends("person_name", "dossier_id")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for case in self:
            case.display_name = self.env._("Erasure: %(person)s", person=case.person_name or "")

    @api.depends("withdrawal_date")
    def _compute_deadline(self):
        for case in self:
            case.deadline = case.withdrawal_date and case.withdrawal_date + timedelta(days=ERASURE_DAYS)

    @api.depends("state")
    def _compute_state_sequence(self):
        order = {"due": 0, "done": 1, "cancelled": 2}
        for case in self:
            case.state_sequence = order.get(case.state, 3)

    @api.depends("state", "deadline")
    @api.depends_context("tz")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for case in self:
            case.is_overdue = case.state == "due" and bool(case.deadline) and case.deadline < today

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!="):
            raise NotImplementedError(operator)
        domain = [("state", "=", "due"), ("deadline", "<", fields.Date.context_today(self))]
        return domain if (operator == "=") == bool(value) else ["!", "&", *domain]

    @api.depends("state", "erased_summary", "relative_id", "dossier_id")
    @api.depends_context("lang")
    def _compute_scope(self):
        for case in self:
            if case.state == "due":
                plan = case._plan()
                case.scope = case._describe(case._counts(plan), plan["grounds"])
            else:
                case.scope = case.erased_summary or False

    def _compute_task(self):
        for case in self:
            # sudo: the one task this case opened (the system's mark), shown to who reads the case
            task = case.sudo().activity_id
            case.task_user_id = task.user_id
            case.task_date = task.date_deadline

    @api.constrains("dossier_id", "relative_id", "person_kind")
    def _check_person(self):
        for case in self:
            if case.relative_id and case.relative_id.dossier_id != case.dossier_id:
                raise ValidationError(self.env._("The relative of an erasure case must be of the case's client."))
            if case.person_kind == "client" and case.relative_id:
                raise ValidationError(self.env._("An erasure case of the client names no relative."))

    @api.constrains("withdrawal_date")
    def _check_withdrawal_date(self):
        check_withdrawal_date(self)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            # a case follows a withdrawal recorded on the person (the button "Consent withdrawn"), never by hand
            raise UserError(
                self.env._(
                    "An erasure case is opened by recording the withdrawal of the consent on the client or the "
                    "relative (the button «Consent withdrawn»)."
                )
            )
        for vals in vals_list:
            vals.setdefault("person_kind", "relative" if vals.get("relative_id") else "client")
        cases = super().create(vals_list)
        for case in cases.filtered("relative_id"):
            case.relation_type_id = case.relative_id.relation_type_id
        cases._schedule_task()
        return cases

    def write(self, vals):
        if not self.env.su and set(vals) - USER_FIELDS:
            raise UserError(
                self.env._(
                    "An erasure case follows the consent and the erasure: only its document and note are written "
                    "by hand."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if not self.env.su:
            raise UserError(self.env._("An erasure case is the bank's record of a withdrawal: it is never deleted."))

    def action_erase(self):
        """Erase now: the client's managers or a VIP administrator (write access to the case and the client)."""
        self.check_access("write")
        self.dossier_id.check_access("write")
        for case in self:
            if case.state != "due":
                raise UserError(self.env._("%(case)s is not due any more.", case=case.display_name))
            person = case.relative_id if case.person_kind == "relative" else case.dossier_id
            if person and person.consent_state != "withdrawn":
                raise UserError(
                    self.env._(
                        "The consent of %(person)s is not withdrawn: nothing is erased.", person=case.person_name
                    )
                )
        self._erase()
        return True

    def action_open_dossier(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "vip.dossier",
            "res_id": self.dossier_id.id,
            "view_mode": "form",
        }

    # ------------------------------------------------------------------
    # business methods
    # ------------------------------------------------------------------

    @api.model
    def _follow_consent(self, persons):
        """Open, move or cancel the cases of ``persons`` (clients or relatives) after their consent changed.

        sudo: the user has just written the consent of these very persons (their own access checked by that
        write); the case and its task are the system's record of it.
        """
        Erasure = self.sudo()
        is_client = persons._name == "vip.dossier"
        persons = persons.sudo().exists()
        if not persons:
            return Erasure
        key = "dossier_id" if is_client else "relative_id"
        domain = [(key, "in", persons.ids), ("state", "in", ("due", "done"))]
        if is_client:
            domain.append(("person_kind", "=", "client"))
        cases = Erasure.search(domain)
        due = {case[key].id: case for case in cases if case.state == "due"}
        # once per withdrawal: the same withdrawal written again after its erasure opens nothing
        erased = {(case[key].id, case.withdrawal_date) for case in cases if case.state == "done"}
        new = []
        for person in persons:
            case = due.get(person.id)
            if person.consent_withdrawn_date:
                if case:
                    if case.withdrawal_date != person.consent_withdrawn_date:
                        case.withdrawal_date = person.consent_withdrawn_date
                        case.activity_id.date_deadline = case._task_deadline()
                elif (person.id, person.consent_withdrawn_date) not in erased:
                    new.append(
                        {
                            "dossier_id": person.id if is_client else person.dossier_id.id,
                            "relative_id": False if is_client else person.id,
                            "withdrawal_date": person.consent_withdrawn_date,
                        }
                    )
            elif case:
                case._cancel(
                    self.env._(
                        "Consent given again on %(date)s.",
                        date=format_date(self.env, person.consent_date) if person.consent_date else "-",
                    )
                )
        return Erasure.create(new)

    def _task_deadline(self):
        self.ensure_one()
        return max(fields.Date.context_today(self), self.deadline - timedelta(days=TASK_DAYS_AHEAD))

    def _schedule_task(self):
        """The task for the client's responsible manager (the same routing as every task of the desk), due a
        few days before the deadline. It names the relation, never the person: it stays in the client's
        history after the erasure."""
        activity_type = self.env.ref("vip_privacy.mail_activity_type_erasure")
        model_id = self.env["ir.model"]._get_id("vip.dossier")
        Activity = self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True)
        for case in self:
            user = case.dossier_id._vip_responsible()
            if not user:
                continue
            local = case.with_context(lang=user.lang or "en_US")
            whose = local.relation_type_id.name if case.person_kind == "relative" else local.env._("client")
            activity = Activity.create(
                {
                    "res_model_id": model_id,
                    "res_id": case.dossier_id.id,
                    "activity_type_id": activity_type.id,
                    "summary": local.env._(
                        "Consent withdrawn (%(whose)s): erase the data by %(deadline)s",
                        whose=whose,
                        deadline=format_date(local.env, case.deadline),
                    ),
                    "note": local.env._(
                        "Open VIP Desk → Erasures and press «Erase now». The legal deadline is %(deadline)s.",
                        deadline=format_date(local.env, case.deadline),
                    ),
                    "date_deadline": case._task_deadline(),
                    "user_id": user.id,
                }
            )
            case.sudo().activity_id = activity

    def _cancel(self, reason):
        # sudo: the system's marks of these cases, and the one task each opened (still on its own client)
        for case in self.sudo():
            activity = case.activity_id
            if activity and (activity.res_model, activity.res_id) == ("vip.dossier", case.dossier_id.id):
                activity.unlink()
            case.write({"state": "cancelled", "cancel_reason": reason, "activity_id": False})

    def _plan(self, grounds=None):
        """What the erasure of this case removes, as records (read as the system: the case's own client).

        A relative: the relative, their preferences and key dates. The client: the client's preferences,
        the relatives without a consent of their own (with their preferences and dates), the client's
        greeting dates and the wedding date. Kept (115-FZ, the contract): identification, the contact card,
        operations, income, the contract facts, interactions, trusted persons.

        A relative the bank must keep on another ground (``grounds``: {relative id: [reasons]}, by default
        the relatives' own ``_vip_retention_grounds``) is not deleted but kept (``_vip_keep_for_grounds``):
        their preferences and key dates go all the same.
        """
        self.ensure_one()
        KeyDate = self.env["vip.key.date"].sudo().with_context(active_test=False)
        dossier = self.dossier_id.sudo().with_context(active_test=False)
        if self.person_kind == "relative":
            relatives = self.relative_id.sudo()
            client_dates = KeyDate
            facts = []
        else:
            relatives = dossier.relative_ids.filtered(lambda r: r.consent_state != "given")
            client_dates = KeyDate.search(
                [
                    ("dossier_id", "=", dossier.id),
                    ("relative_id", "=", False),
                    ("trusted_person_id", "=", False),
                    ("type_id.is_greeting", "=", True),
                ]
            )
            facts = ["wedding_date"] if dossier.wedding_date else []
        whose = [("relative_id", "in", relatives.ids)]
        if self.person_kind == "client":
            whose = ["|", ("relative_id", "=", False), *whose]
        preferences = self.env["vip.preference"].sudo().search([("dossier_id", "=", dossier.id), *whose])
        key_dates = client_dates | (KeyDate.search([("relative_id", "in", relatives.ids)]) if relatives else KeyDate)
        if grounds is None:
            grounds = relatives._vip_retention_grounds()
        grounds = {relative_id: reasons for relative_id, reasons in grounds.items() if relative_id in relatives.ids}
        kept = relatives.filtered(lambda r: r.id in grounds)
        return {
            "relatives": relatives - kept,
            "kept": kept,
            "preferences": preferences,
            "key_dates": key_dates,
            "facts": facts,
            "grounds": grounds,
        }

    @api.model
    def _counts(self, plan):
        return {name: len(value) for name, value in plan.items() if name != "grounds"}

    @api.model
    def _kept_reasons(self, grounds):
        """The distinct reasons to keep, one a line, in the order found: never whose they are."""
        return "\n".join(dict.fromkeys(reason for reasons in grounds.values() for reason in reasons))

    def _describe(self, counts, grounds=None):
        """What is (or was) erased and what is kept, and why, in the reader's language: counts and legal
        grounds, never the data."""
        lines = [
            self.env._("Relatives: %(count)s", count=counts["relatives"]),
            self.env._("Preferences: %(count)s", count=counts["preferences"]),
            self.env._("Key dates: %(count)s", count=counts["key_dates"]),
            self.env._("Other personal facts (wedding date): %(count)s", count=counts["facts"]),
        ]
        if counts.get("kept"):
            lines.append(
                self.env._(
                    "Relatives kept, archived with their contact data cleared: %(count)s. Kept because: %(grounds)s",
                    count=counts["kept"],
                    grounds="; ".join(self._kept_reasons(grounds or {}).splitlines()),
                )
            )
        return "\n".join(lines)

    def _erase(self, delete_relatives=True, grounds=None):
        """Delete what the plan lists, keep archived the relatives the bank must keep, close the case and its
        task, and log the erasure (counts and the grounds to keep, never the data).

        ``grounds``: {relative id: [reasons]} when the caller knows them; by default each relative's own
        (``vip.relative._vip_retention_grounds``).

        sudo: the records come from the case's own client (``_plan``), never from what a user sent; the
        caller checked the user may write the case and the client (``action_erase``).
        """
        Log = self.env["vip.access.log"]
        for case in self.sudo():
            plan = case._plan(grounds)
            summary = case.with_env(self.env)._describe(case._counts(plan), plan["grounds"])
            # closed first: the relative's deletion below finds no open case of its own
            case.write(
                {
                    "state": "done",
                    "erased_summary": summary,
                    "kept_reason": case.with_env(self.env)._kept_reasons(plan["grounds"]) or False,
                    "erased_date": fields.Datetime.now(),
                    "erased_by_id": self.env.user.id,
                }
            )
            plan["key_dates"].unlink()
            plan["preferences"].exists().unlink()
            case._vip_keep_for_grounds(plan["kept"], plan["grounds"])
            if delete_relatives:
                plan["relatives"].exists().unlink()
            if plan["facts"]:
                case.dossier_id.write(dict.fromkeys(plan["facts"], False))
            if case.activity_id.exists():
                case.activity_id.action_feedback(feedback=summary)
            Log._log(case.dossier_id, event="erasure", note=summary.replace("\n", "; "))

    @api.model
    def _vip_keep_for_grounds(self, relatives, grounds):
        """Keep ``relatives`` that have ``grounds`` ({relative id: [reasons]}) only as those grounds need them:
        archived (out of every list, no key date, no greeting) with their contact data, notes and agreement to
        be contacted cleared (``KEPT_RELATIVE_CLEARED``); the name and what the record needs stay. Their
        preferences and key dates are the erasure's to delete (``_plan``). Returns the relatives kept.

        sudo: the relatives of the case's own client, as the erasure reads them (``_plan``).
        """
        kept = relatives.sudo().with_context(active_test=False).exists().filtered(lambda r: grounds.get(r.id))
        if kept:
            kept.write({"active": False, "vip_erasure_kept": True, **dict.fromkeys(KEPT_RELATIVE_CLEARED, False)})
        return kept
