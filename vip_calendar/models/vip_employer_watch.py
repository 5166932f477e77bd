# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Employer watch: a task to look at the client's employer's web site for news worth a call, as often as
the client's tier says. What each look found is the dossier's history (``vip.employer.finding``, in
vip_dossier, guarded like every client line); when the next look is due, and the task, are here."""

from datetime import timedelta

from odoo import api, fields, models
from odoo.osv import expression


class VipTier(models.Model):
    _inherit = "vip.tier"

    site_watch_days = fields.Integer(
        string="Look at Employer's Site Every (Days)",
        default=30,
        help="How often the manager looks at the employer's web site for news worth a call; 0: never.",
    )


class VipDossier(models.Model):
    _inherit = "vip.dossier"  # pylint: disable=consider-merging-classes-inherited

    site_watch_due = fields.Boolean(
        string="Employer Site to Look At",
        compute="_compute_site_watch_due",
        search="_search_site_watch_due",
        help="The employer's web site was not looked at for as long as the client's tier says.",
    )

    def _employer_site_checked(self):
        """The site was looked at: the employer watch's task is done, the clock restarts."""
        res = super()._employer_site_checked()
        watch = self.env.ref("vip_calendar.mail_activity_type_site_watch")
        self.activity_ids.filtered(lambda a: a.activity_type_id == watch).action_done()
        return res

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
            self.env.ref("vip_calendar.mail_activity_type_site_watch"),
            due_domain,
            lambda dossier: {"summary": dossier.env._("Look at %(site)s", site=dossier.employer_id.website)},
            batch_size,
        )
