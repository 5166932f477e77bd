# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.osv import expression

from odoo.addons.vip_dossier.models.vip_input_mixin import check_not_in_future


class VipDossier(models.Model):
    """A client's employer watch: when the employer's site was last looked at, what each look found,
    whether a look is due, and the daily run that gives the responsible manager the task."""

    _inherit = "vip.dossier"

    employer_site_checked_date = fields.Date(
        string="Web Site Last Checked",
        compute="_compute_employer_site_checked_date",
        store=True,
        readonly=False,
        help="When the manager last looked at the employer's web site for news worth a call: the day of the "
        "latest finding.",
    )
    employer_finding_ids = fields.One2many(
        "vip.employer.finding",
        "dossier_id",
        string="Employer Web Site Findings",
        help="Each look at the employer's web site and what it showed, latest first.",
    )
    site_watch_due = fields.Boolean(
        string="Employer Site to Look At",
        compute="_compute_site_watch_due",
        search="_search_site_watch_due",
        help="The employer's web site was not looked at for as long as the client's tier says.",
    )

    @api.depends("employer_finding_ids.date")
    def _compute_employer_site_checked_date(self):
        for dossier in self:
            dates = dossier.employer_finding_ids.mapped("date")
            # a dossier without findings keeps the day it was given (before the history existed)
            dossier.employer_site_checked_date = max(dates) if dates else dossier.employer_site_checked_date

    @api.constrains("employer_site_checked_date")
    def _check_employer_site_checked_date(self):
        check_not_in_future(
            self,
            "employer_site_checked_date",
            lambda _dossier, _date: self.env._("The employer's web site cannot have been checked in the future."),
        )

    def action_mark_site_checked(self):
        """The manager has just looked at the employer's web site: record what was found."""
        self.ensure_one()
        # recording a finding is changing the client: the dialog is not even offered to who may not
        self.check_access("write")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Employer Web Site Checked"),
            "res_model": "vip.employer.finding",
            "view_mode": "form",
            "views": [(self.env.ref("vip_employer_watch.vip_employer_finding_view_form").id, "form")],
            "target": "new",
            "context": {"default_dossier_id": self.id},
        }

    def _employer_site_checked(self):
        """The site was looked at (a finding was just recorded): the watch's task is done, the clock restarts."""
        watch = self.env.ref("vip_employer_watch.mail_activity_type_site_watch")
        self.activity_ids.filtered(lambda a: a.activity_type_id == watch).action_done()

    @api.model
    def _site_watch_due_domain(self):
        """The one definition of a client whose employer's site is due a look: the employer has a site,
        the client is not closed, and nobody looked at it for as long as the client's tier says."""
        today = fields.Date.context_today(self)
        due_domains = [
            [
                "&",
                ("tier_id", "=", tier.id),
                "|",
                ("employer_site_checked_date", "=", False),
                ("employer_site_checked_date", "<=", today - timedelta(days=tier.site_watch_days)),
            ]
            for tier in self.env["vip.tier"].search([("site_watch_days", ">", 0)])
        ]
        if not due_domains:
            return expression.FALSE_DOMAIN
        return expression.AND(
            [[("employer_id.website", "!=", False), ("state", "!=", "closed")], expression.OR(due_domains)]
        )

    def _compute_site_watch_due(self):
        due = self.filtered_domain(self._site_watch_due_domain())
        for dossier in self:
            dossier.site_watch_due = dossier in due

    def _search_site_watch_due(self, operator, value):
        if operator not in ("=", "!="):
            raise NotImplementedError(operator)
        domain = self._site_watch_due_domain()
        return domain if (operator == "=") == bool(value) else ["!", *expression.normalize_domain(domain)]

    @api.model
    def _cron_employer_watch(self, batch_size=500):
        """A task to look at the employer's web site, as often as the client's tier says."""
        due_domain = self._site_watch_due_domain()
        if due_domain == expression.FALSE_DOMAIN:
            return self.browse()
        return self._vip_give_routine_tasks(
            self.env.ref("vip_employer_watch.mail_activity_type_site_watch"),
            due_domain,
            lambda dossier: {"summary": dossier.env._("Look at %(site)s", site=dossier.employer_id.website)},
            batch_size,
        )
