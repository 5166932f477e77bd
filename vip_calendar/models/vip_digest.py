# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The e-mail digests, in one place: each manager's morning digest (today's tasks, the dates of the
coming days, what is late) and the supervisors' weekly summary of overdue tasks per manager. Both are
rendered by the system only, for their recipient (``vip_security``'s *Rendered by the System Only*
templates), and sent once a day whatever reruns."""

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError

MANAGER_GROUP = "vip_dossier.group_vip_manager"
SUPERVISOR_GROUP = "vip_dossier.group_vip_supervisor"
DIGEST_DAYS = 7


class ResUsers(models.Model):
    _inherit = "res.users"  # pylint: disable=consider-merging-classes-inherited

    # when the last morning digest / weekly summary went out: once a day, whatever reruns
    vip_digest_sent_on = fields.Date(string="VIP Digest Sent On", readonly=True, copy=False)
    vip_summary_sent_on = fields.Date(string="VIP Summary Sent On", readonly=True, copy=False)

    def _vip_digest_values(self):
        """What the manager's morning digest shows, read with the manager's own rights.

        Only the system renders it (the morning run, as the superuser): anyone
        else previewing or sending the template on a manager would read that
        manager's clients.
        """
        self.ensure_one()
        self._vip_check_rendered_by_system()
        as_user = self.env(user=self, su=False, context=dict(self.env.context, lang=self.lang, tz=self.tz))
        today = self._vip_local_now().date()
        key_dates = as_user["vip.key.date"].search(
            [
                ("next_date", ">=", today),
                ("next_date", "<=", today + timedelta(days=DIGEST_DAYS)),
                "|",
                ("dossier_id.user_id", "=", self.id),
                ("dossier_id.deputy_id", "=", self.id),
            ],
            order="next_date, id",
        )
        # a greeting on a day the client is not to be disturbed is held: not in the digest
        key_dates = key_dates.filtered(lambda k: not k._held_by_quiet_period())
        overdue = as_user["mail.activity"].search(
            [("res_model", "=", "vip.dossier"), ("user_id", "=", self.id), ("date_deadline", "<", today)],
            order="date_deadline, id",
        )
        base_url = self.get_base_url()
        return {
            "today": today,
            "today_dates": key_dates.filtered(lambda k: k.next_date == today),
            "coming_dates": key_dates.filtered(lambda k: k.next_date > today),
            "overdue": overdue,
            "link": lambda model, res_id: f"{base_url}/odoo/{model}/{res_id}",
        }

    def _vip_summary_values(self):
        """The supervisors' weekly summary: overdue tasks on VIP clients per manager, read with the
        supervisor's own rights (a branch head's summary covers the branch's clients)."""
        self.ensure_one()
        self._vip_check_rendered_by_system()
        as_user = self.env(user=self, su=False, context=dict(self.env.context, lang=self.lang, tz=self.tz))
        today = self._vip_local_now().date()
        rows = as_user["mail.activity"]._read_group(
            [("res_model", "=", "vip.dossier"), ("date_deadline", "<", today)],
            ["user_id"],
            ["__count", "date_deadline:min"],
            order="__count desc",
        )
        return {"today": today, "rows": rows, "total": sum(count for _user, count, _oldest in rows)}

    def _vip_check_rendered_by_system(self):
        if not self.env.su:
            raise AccessError(
                self.env._(
                    "The VIP digests are written by the system for each manager; they cannot be rendered on request."
                )
            )

    @api.model
    def _cron_send_vip_digests(self, batch_size=200):
        """Each morning (local hour of the manager), one digest per VIP manager; weekly summaries on Mondays."""
        hour = int(self.env["ir.config_parameter"].sudo().get_param("vip_calendar.digest_hour", 7))
        template = self.env.ref("vip_calendar.mail_template_vip_digest")
        summary = self.env.ref("vip_calendar.mail_template_vip_supervisor_summary")
        managers = self.search(
            [("groups_id", "in", self.env.ref(MANAGER_GROUP).id), ("email", "!=", False), ("share", "=", False)]
        )
        due = managers.filtered(
            lambda u: (now := u._vip_local_now()).hour >= hour and u.vip_digest_sent_on != now.date()
        )
        supervisors = self.search(
            [("groups_id", "in", self.env.ref(SUPERVISOR_GROUP).id), ("email", "!=", False), ("share", "=", False)]
        )
        weekly = supervisors.filtered(
            lambda u: (
                (now := u._vip_local_now()).weekday() == 0 and now.hour >= hour and u.vip_summary_sent_on != now.date()
            )
        )
        batch, summaries = due[:batch_size], weekly[:batch_size]
        # The mail is the manager's alone: not filed on their res.users record, whose messages any
        # employee may read (an unsent or failed mail stays there).
        private = {"model": False, "res_id": False}
        for user in batch:
            template.send_mail(user.id, email_layout_xmlid="mail.mail_notification_light", email_values=private)
            user.vip_digest_sent_on = user._vip_local_now().date()
        for user in summaries:
            summary.send_mail(user.id, email_layout_xmlid="mail.mail_notification_light", email_values=private)
            user.vip_summary_sent_on = user._vip_local_now().date()
        remaining = len(due) - len(batch) + len(weekly) - len(summaries)
        self.env["ir.cron"]._notify_progress(done=len(batch) + len(summaries), remaining=remaining)
        return batch | summaries
