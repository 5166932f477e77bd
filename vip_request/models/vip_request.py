# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import plaintext2html

from odoo.addons.vip_dossier.models.vip_dossier import CHANNELS
from odoo.addons.vip_dossier.models.vip_input_mixin import NAME_SIZE, check_not_in_future

REQUEST_STATES = [
    ("new", "New"),
    ("expert", "With Expert"),
    ("answered", "Answered"),
    ("closed", "Closed"),
    ("cancelled", "Cancelled"),
]
# the states in which the client still waits for an answer: past its due date, such a request is overdue
OPEN_STATES = ("new", "expert")
# a question is text a person writes: a page of it at most, never a megabyte in every list and e-mail
TEXT_SIZE = 10000


def add_working_days(day, count):
    """``day`` plus ``count`` working days, Monday to Friday (``count`` is small: a catalog's promise)."""
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


# written by the buttons only (see _check_workflow_fields); the manager is the client's
WORKFLOW_FIELDS = frozenset({"state", "sent_date", "follow_up_activity_id", "user_id"})


class VipRequest(models.Model):
    """A question of the client that the manager cannot answer at once.

    The service standard's register: the question is written down, routed to
    an expert with a promised date, chased, answered, and the answer is given
    to the client (the manager's follow-up task on the client).

    The expert is a bank employee who is not one of the client's managers: the
    row rules give them nothing of the client, not even this request. They get
    an e-mail with what the manager wrote for them (``routing_note``) and
    answer the manager, who records the answer here.
    """

    _name = "vip.request"
    _description = "VIP Client Request"
    _inherit = ["vip.input.mixin", "mail.thread", "mail.activity.mixin", "vip.access.logged.mixin"]
    _order = "received_date desc, id desc"

    name = fields.Char(string="Subject", required=True, size=NAME_SIZE, tracking=True)
    dossier_id = fields.Many2one(
        "vip.dossier", string="Client", required=True, ondelete="cascade", index=True, tracking=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Manager",
        compute="_compute_user_id",
        store=True,
        index=True,
        help="The client's manager: the request follows the client when it is handed over.",
    )
    question = fields.Text(required=True, size=TEXT_SIZE)
    channel = fields.Selection(CHANNELS, string="Received Through", required=True, default="phone")
    received_date = fields.Date(string="Received On", required=True, default=fields.Date.context_today, index=True)
    area_id = fields.Many2one(
        "vip.request.area", string="Expertise Area", required=True, ondelete="restrict", index=True, tracking=True
    )
    expert_id = fields.Many2one(
        "res.users",
        compute="_compute_expert_id",
        store=True,
        readonly=False,
        precompute=True,
        index="btree_not_null",
        tracking=True,
        domain=[("share", "=", False)],
        help="The bank employee who answers: they receive the message to the expert by e-mail, and nothing "
        "of the client's dossier.",
    )
    due_date = fields.Date(
        string="Answer Due",
        compute="_compute_due_date",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        tracking=True,
        help="The date promised to the client: the area's response time in working days from the day the "
        "question was received, never in the past.",
    )
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue", help="Past due, not answered."
    )
    state = fields.Selection(
        REQUEST_STATES, required=True, default="new", index=True, tracking=True, copy=False, readonly=True
    )
    routing_note = fields.Text(
        string="Message to the Expert",
        size=TEXT_SIZE,
        compute="_compute_routing_note",
        store=True,
        readonly=False,
        precompute=True,
        help="Sent to the expert by e-mail as written, and nothing else: write the question so that the "
        "client cannot be recognised (no name, no account, no phone).",
    )
    sent_date = fields.Date(string="Sent to Expert On", readonly=True, copy=False)
    answer = fields.Text(size=TEXT_SIZE, copy=False)
    answer_date = fields.Date(string="Answered On", copy=False)
    follow_up_activity_id = fields.Many2one(
        "mail.activity",
        string="Follow-up Task",
        readonly=True,
        copy=False,
        ondelete="set null",
        help="The manager's task on the client, made when the answer came in: give the client the answer.",
    )

    @api.depends("dossier_id.user_id")
    def _compute_user_id(self):
        for request in self:
            request.user_id = request.dossier_id.user_id

    @api.depends("area_id")
    def _compute_expert_id(self):
        for request in self.filtered(lambda r: r.state == "new" and r.area_id.expert_id):
            request.expert_id = request.area_id.expert_id

    @api.depends("area_id", "received_date")
    def _compute_due_date(self):
        today = fields.Date.context_today(self)
        for request in self:
            if (request.state != "new" and request.due_date) or not (request.area_id and request.received_date):
                continue  # promised to the client: a new area does not move it
            request.due_date = max(add_working_days(request.received_date, request.area_id.response_days), today)

    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for request in self:
            request.is_overdue = bool(request.state in OPEN_STATES and request.due_date and request.due_date < today)

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Search overdue requests with = or != and a yes or no."))
        domain = [("state", "in", OPEN_STATES), ("due_date", "<", fields.Date.context_today(self))]
        return domain if (operator == "=") == value else ["!", *domain]

    @api.depends("question")
    def _compute_routing_note(self):
        for request in self:
            if request.state == "new" and not request.routing_note:
                request.routing_note = request.question

    @api.constrains("name", "question")
    def _check_texts(self):
        for request in self:
            if not (request.name or "").strip():
                raise ValidationError(self.env._("A request needs a subject."))
            if not (request.question or "").strip():
                raise ValidationError(self.env._("A request needs the client's question."))

    @api.constrains("received_date", "answer_date")
    def _check_dates(self):
        check_not_in_future(
            self,
            "received_date",
            lambda _request, date: self.env._("A question cannot be received in the future (%(date)s).", date=date),
        )
        check_not_in_future(
            self,
            "answer_date",
            lambda _request, date: self.env._("An answer cannot be dated in the future (%(date)s).", date=date),
        )

    @api.constrains("received_date", "due_date", "answer_date")
    def _check_date_order(self):
        for request in self:
            if request.due_date and request.due_date < request.received_date:
                raise ValidationError(self.env._("The answer cannot be due before the question was received."))
            if request.answer_date and request.answer_date < request.received_date:
                raise ValidationError(self.env._("The answer cannot come before the question was received."))

    @api.constrains("state", "answer", "answer_date")
    def _check_answer(self):
        for request in self:
            if request.state in ("answered", "closed") and not ((request.answer or "").strip() and request.answer_date):
                raise ValidationError(self.env._("An answered request needs the answer and the day it came."))

    @api.constrains("expert_id")
    def _check_expert(self):
        for request in self:
            if request.expert_id.share:
                raise ValidationError(self.env._("An expert is a bank employee, not a portal or public user."))

    def _check_due_date_not_past(self):
        """A date promised to the client lies ahead: checked when it is set (at creation, by hand, when
        sent), not every day after, when a late request simply becomes overdue."""
        today = fields.Date.context_today(self)
        for request in self:
            if request.due_date and request.due_date < today and request.state in OPEN_STATES:
                raise ValidationError(
                    self.env._(
                        "The answer cannot be promised for a day already past (%(date)s).", date=request.due_date
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            # what each request would be born with, defaults (saved ones too) included: a request starts new,
            # not sent, with no follow-up; its manager is the client's (computed)
            for vals in self._vip_creation_values(vals_list):
                given = {name for name in WORKFLOW_FIELDS - {"state"} if vals.get(name)}
                if vals.get("state", "new") != "new":
                    given.add("state")
                self._check_workflow_fields(given)
        requests = super().create(vals_list)
        requests._check_due_date_not_past()
        return requests

    def write(self, vals):
        self._check_workflow_fields(set(vals))
        res = super().write(vals)
        if "due_date" in vals:
            self._check_due_date_not_past()
        return res

    @api.model
    def _check_workflow_fields(self, fnames):
        """Where a request stands, when it went to the expert, its follow-up task and its manager are the
        buttons' to write (and the client's to give): a manager who wrote them by hand made a request
        closed without an expert, or overdue under a colleague's name in top management's overview."""
        if not self.env.su and WORKFLOW_FIELDS & fnames:
            raise AccessError(
                self.env._(
                    "Where a request stands is changed by its buttons (Send to Expert, Record Answer, Client Has "
                    "the Answer, Cancel Request), not by hand."
                )
            )

    def action_send_to_expert(self):
        """Record the expert and the promised date, and give the expert the task: an e-mail with the
        message to the expert, and a task for the manager on the request, due that day, to chase it."""
        for request in self:
            if request.state not in OPEN_STATES:
                raise UserError(self.env._("Only a new request or one with an expert is sent to an expert."))
            if not request.expert_id:
                raise UserError(self.env._("Choose the expert who answers."))
            if not request.expert_id.email:
                raise UserError(
                    self.env._(
                        "%(expert)s has no e-mail address to send the question to.", expert=request.expert_id.name
                    )
                )
            if not request.due_date:
                raise UserError(self.env._("Set the day the answer is due."))
            if not (request.routing_note or "").strip():
                raise UserError(self.env._("Write the message to the expert."))
        # only who may change the request routes it; the way through is the buttons' to write (sudo)
        self.check_access("write")
        self.sudo().write({"state": "expert", "sent_date": fields.Date.context_today(self)})
        self._check_due_date_not_past()
        chase = self.env.ref("vip_request.mail_activity_type_expert_answer")
        for request in self:
            request._send_to_expert_mail()
            request.message_post(
                body=Markup("%s<br/>%s")
                % (
                    self.env._(
                        "Sent to %(expert)s, answer due %(date)s.",
                        expert=request.expert_id.name,
                        date=fields.Date.to_string(request.due_date),
                    ),
                    plaintext2html(request.routing_note),
                ),
                subtype_xmlid="mail.mt_note",
            )
            request.activity_ids.filtered(lambda a, t=chase: a.activity_type_id == t).unlink()
            request.activity_schedule(
                activity_type_id=chase.id,
                summary=self.env._("Answer from %(expert)s", expert=request.expert_id.name),
                date_deadline=request.due_date,
                user_id=request._vip_task_user().id,
            )
        return True

    def action_record_answer(self):
        """The expert answered: the request is answered, the chase is over, and the manager gets the task
        to give the client the answer, the next working day, once."""
        for request in self:
            if request.state != "expert":
                raise UserError(self.env._("Only a request sent to an expert gets the expert's answer."))
            if not (request.answer or "").strip():
                raise UserError(self.env._("Write the expert's answer first."))
        self.check_access("write")
        today = fields.Date.context_today(self)
        for request in self:
            # sudo: the state is the buttons' to write (checked above: the user may change the request)
            request.sudo().write({"state": "answered", "answer_date": request.answer_date or today})
        chase = self.env.ref("vip_request.mail_activity_type_expert_answer")
        give = self.env.ref("vip_request.mail_activity_type_give_answer")
        for request in self:
            request.activity_ids.filtered(lambda a, t=chase: a.activity_type_id == t).action_feedback(
                feedback=self.env._("The answer came on %(date)s.", date=fields.Date.to_string(request.answer_date))
            )
            if request.follow_up_activity_id:
                continue
            request.sudo().follow_up_activity_id = request.dossier_id._schedule_follow_up(
                give,
                summary=self.env._("Give the client the answer: %(subject)s", subject=request.name),
                note=plaintext2html(request.answer),
                date_deadline=add_working_days(today, 1),
                user=request.dossier_id._vip_responsible(),
            )
        return True

    def action_close(self):
        """The client has the answer: the request is closed, with its follow-up task."""
        if any(request.state != "answered" for request in self):
            raise UserError(self.env._("Only an answered request is closed."))
        self.check_access("write")
        # sudo: as in action_send_to_expert
        self.sudo().write({"state": "closed"})
        self.follow_up_activity_id.action_feedback(feedback=self.env._("The client has the answer."))
        return True

    def action_cancel(self):
        if any(request.state not in OPEN_STATES for request in self):
            raise UserError(self.env._("Only a request not answered yet is cancelled."))
        self.check_access("write")
        # sudo: as in action_send_to_expert
        self.sudo().write({"state": "cancelled"})
        self.activity_ids.unlink()
        return True

    def _vip_task_user(self):
        """Who chases the expert: the user who sends the request, when one of the client's managers, else
        whoever gets the client's tasks."""
        self.ensure_one()
        dossier = self.dossier_id
        if self.env.user in dossier.user_id | dossier.deputy_id:
            return self.env.user
        return dossier._vip_responsible() or dossier.user_id

    def _send_to_expert_mail(self):
        """The expert's task: an e-mail on no record, with what the manager wrote for them, replied to the
        manager. The expert reads no dossier: nothing of the client is added by the code."""
        self.ensure_one()
        sender = self.env.user
        body = Markup("<p>%s</p>%s<p>%s</p>") % (
            self.env._(
                "A VIP client's question in your area (%(area)s). Please answer by %(date)s.",
                area=self.area_id.name,
                date=fields.Date.to_string(self.due_date),
            ),
            plaintext2html(self.routing_note),
            self.env._("Reply to %(manager)s, who asked.", manager=sender.name),
        )
        # sudo: outgoing mails are the system's (only administrators read mail.mail); this one is on no
        # record, addressed to the expert alone, with the text the user wrote on a request that the write
        # above allowed them to change
        self.env["mail.mail"].sudo().create(
            {
                "subject": self.env._("Question for an expert: %(area)s", area=self.area_id.name),
                "body_html": body,
                "email_from": sender.email_formatted or self.env.company.email_formatted,
                "reply_to": sender.email_formatted or False,
                "recipient_ids": [fields.Command.link(self.expert_id.partner_id.id)],
                "auto_delete": True,
            }
        )

    # ------------------------------------------------------------------
    # the chatter: the client's rules decide who posts, follows and is notified
    # ------------------------------------------------------------------
    def _vip_check_post(self, partner_ids=None, attachments=None):
        """Who posts on a request: who may change it (the client's managers); recipients must read the
        client, as on the dossier (an expert would get the client's request by e-mail)."""
        self.check_access("write")
        if partner_ids:
            self.dossier_id._vip_check_followers_may_read(partner_ids)

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        if not self.env.su:
            if self - self._filtered_access("write"):
                raise AccessError(self.env._("Only the client's managers follow a request of the client."))
            if partner_ids:
                self.dossier_id._vip_check_followers_may_read(partner_ids)
        return super().message_subscribe(partner_ids=partner_ids, subtype_ids=subtype_ids)
