# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.vip_dossier.models.vip_input_mixin import check_not_in_future

FOLLOW_UPS = [
    ("interaction", "Called: record an interaction"),
    ("task", "Call later: a task"),
]


class VipEmployerFinding(models.Model):
    """One look at the client's employer's web site, and what it showed.

    The history is kept, one row per check: the manager sees what was
    already found (and mentioned to the client) and what changed since. A
    finding worth a call becomes, in the same step, an interaction (the
    manager called at once) or the manager's task to call.
    """

    _name = "vip.employer.finding"
    # the client's data: checked like every input, every read logged (vip_security)
    _inherit = ["vip.input.mixin", "vip.access.logged.mixin"]
    _description = "VIP Employer Web Site Finding"
    _order = "date desc, id desc"
    _rec_name = "date"

    dossier_id = fields.Many2one("vip.dossier", string="Client", required=True, ondelete="cascade", index=True)
    date = fields.Date(string="Checked On", required=True, default=fields.Date.context_today)
    # the employer and its site of the day: the history stays true when the client changes employer
    employer_id = fields.Many2one(
        "res.partner",
        compute="_compute_employer_id",
        store=True,
        readonly=False,
        ondelete="restrict",
        index="btree_not_null",
        domain=[("is_company", "=", True)],
        help="The client's employer when the site was checked; the client may change employer since.",
    )
    website = fields.Char(
        string="Web Site", compute="_compute_website", store=True, readonly=False, help="The site that was looked at."
    )
    note = fields.Text(string="What Was Found")
    user_id = fields.Many2one(
        "res.users", string="Checked By", required=True, default=lambda self: self.env.user, index=True
    )
    worth_call = fields.Boolean(string="Worth a Call", help="News to call the client about.")
    follow_up = fields.Selection(
        FOLLOW_UPS,
        help="How the call is followed: the call made now (an interaction), or a task to call later.",
    )
    follow_up_date = fields.Date(string="Call On", help="The day of the task to call; today when left empty.")
    interaction_id = fields.Many2one("vip.interaction", readonly=True, copy=False, ondelete="set null")
    activity_id = fields.Many2one("mail.activity", string="Call Task", readonly=True, copy=False, ondelete="set null")

    @api.depends("dossier_id")
    def _compute_employer_id(self):
        for finding in self:
            finding.employer_id = finding.dossier_id.employer_id

    @api.depends("employer_id")
    def _compute_website(self):
        for finding in self:
            finding.website = finding.employer_id.website

    @api.constrains("date")
    def _check_date(self):
        check_not_in_future(
            self,
            "date",
            lambda _finding, _date: self.env._("The employer's web site cannot have been checked in the future."),
        )

    @api.constrains("worth_call", "follow_up")
    def _check_follow_up(self):
        if any(finding.worth_call and not finding.follow_up for finding in self):
            raise ValidationError(
                self.env._("A finding worth a call says how the call follows: an interaction or a task.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        findings = super().create(vals_list)
        findings._make_follow_ups()
        findings.dossier_id._employer_site_checked()
        return findings

    def write(self, vals):
        res = super().write(vals)
        if {"worth_call", "follow_up"} & set(vals):
            self._make_follow_ups()
        return res

    def _make_follow_ups(self):
        """The call a finding is worth, once: an interaction, or the manager's task on the client."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        today = fields.Date.context_today(self)
        pending = self.filtered(lambda f: f.worth_call and not f.interaction_id and not f.activity_id)
        for finding in pending.filtered(lambda f: f.follow_up == "interaction"):
            finding.interaction_id = self.env["vip.interaction"].create(
                {
                    "dossier_id": finding.dossier_id.id,
                    # a call made now; a finding recorded late, on its day
                    "date": fields.Datetime.now()
                    if finding.date == today
                    else datetime.combine(finding.date, time(12)),
                    "user_id": finding.user_id.id,
                    "channel": "call",
                    "subject": finding._call_subject(),
                    "outcome": finding.note,
                }
            )
        for finding in pending.filtered(lambda f: f.follow_up == "task"):
            finding.activity_id = finding.dossier_id._schedule_follow_up(
                todo,
                summary=finding._call_subject(),
                note=finding.note,
                date_deadline=finding.follow_up_date or today,
                user=finding.user_id,
            )

    def _call_subject(self):
        self.ensure_one()
        employer = self.employer_id.name or self.website or self.env._("the employer")
        return self.env._("Call about the news of %(employer)s", employer=employer)
