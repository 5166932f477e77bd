# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools.misc import format_date, format_datetime

LIST_SIZE = 30
QUIET_DAYS = 90


class VipMyDay(models.AbstractModel):
    """A manager's home screen: today's and late tasks with their scripts, this week's key dates of
    their clients, and the clients not contacted for long. One call, read with the manager's rights;
    the clients it shows are logged as read, like a list page."""

    _name = "vip.my.day"
    _description = "VIP Manager's Day"

    @api.model
    def get_my_day(self):
        self.env["vip.dossier"].check_access("read")
        today = fields.Date.context_today(self)
        tasks = self._my_tasks(today)
        week = self._my_key_dates(today)
        quiet = self._quiet_clients(today)
        dnd = self._do_not_disturb(today)
        shown = self.env["vip.dossier"].browse(
            {t["dossier_id"] for t in tasks["late"] + tasks["today"]}
            | {d["dossier_id"] for d in week["items"]}
            | {c["dossier_id"] for c in quiet["items"]}
            | {c["dossier_id"] for c in dnd}
        )
        self.env["vip.access.log"]._log(shown, channel="list")
        return {
            "today": format_date(self.env, today, date_format="EEEE d MMMM"),
            "late": tasks["late"],
            "late_count": tasks["late_count"],
            "due_today": tasks["today"],
            "week": week,
            "quiet": quiet,
            "dnd": dnd,
        }

    def _my_tasks(self, today):
        Activity = self.env["mail.activity"]
        domain = [("res_model", "=", "vip.dossier"), ("user_id", "=", self.env.uid), ("date_deadline", "<=", today)]
        activities = Activity.search(domain, order="date_deadline, id", limit=2 * LIST_SIZE)
        dossiers = self.env["vip.dossier"].browse(activities.mapped("res_id")).exists()
        by_id = {dossier.id: dossier for dossier in dossiers}
        late, due_today = [], []
        for activity in activities:
            dossier = by_id.get(activity.res_id)
            if not dossier:
                continue
            item = {
                "id": activity.id,
                "dossier_id": dossier.id,
                "client": dossier.name or "",
                "phone": dossier.mobile or dossier.phone or "",
                "summary": activity.summary or activity.activity_type_id.name or "",
                "type": activity.activity_type_id.name or "",
                "deadline": format_date(self.env, activity.date_deadline),
                "days_late": (today - activity.date_deadline).days,
                "escalated": bool(activity.vip_escalated_on),
                "script": activity.note or "",
                "greeting": activity.vip_greeting_task,
                "dnd": dossier._quiet_period_on(today)._until_text() if dossier.is_quiet else "",
            }
            (late if activity.date_deadline < today else due_today).append(item)
        # escalated first, then the oldest
        late.sort(key=lambda item: (not item["escalated"], -item["days_late"]))
        return {
            "late": late[:LIST_SIZE],
            "late_count": Activity.search_count([*domain, ("date_deadline", "<", today)]),
            "today": due_today[:LIST_SIZE],
        }

    def _my_key_dates(self, today):
        KeyDate = self.env["vip.key.date"]
        week = KeyDate._this_week(today, [("user_id", "=", self.env.uid)], limit=LIST_SIZE)
        for item in week["items"]:
            # a greeting the client's do-not-disturb period holds: shown, marked, no task comes
            item["held"] = KeyDate.browse(item["id"])._held_by_quiet_period()
        return week

    def _do_not_disturb(self, today):
        """The manager's clients in a do-not-disturb period today, and until when."""
        clients = self.env["vip.dossier"].search(
            ["|", ("user_id", "=", self.env.uid), ("deputy_id", "=", self.env.uid), ("is_quiet", "=", True)],
            limit=LIST_SIZE,
        )
        return [
            {
                "dossier_id": dossier.id,
                "client": dossier.name or "",
                "until": dossier._quiet_period_on(today)._until_text(),
            }
            for dossier in clients
        ]

    def _quiet_clients(self, today):
        """The manager's clients (closed ones aside) with no interaction for ``QUIET_DAYS`` days, the longest first."""
        Dossier = self.env["vip.dossier"]
        mine = Dossier.search([("user_id", "=", self.env.uid), ("state", "!=", "closed")])
        last = dict(
            self.env["vip.interaction"]._read_group([("dossier_id", "in", mine.ids)], ["dossier_id"], ["date:max"])
        )
        since = fields.Datetime.to_datetime(today - timedelta(days=QUIET_DAYS))
        quiet = [dossier for dossier in mine if not last.get(dossier) or last[dossier] < since]
        quiet.sort(key=lambda dossier: (bool(last.get(dossier)), last.get(dossier) or since, dossier.name or ""))
        return {
            "days": QUIET_DAYS,
            "count": len(quiet),
            "items": [
                {
                    "dossier_id": dossier.id,
                    "client": dossier.name or "",
                    "phone": dossier.mobile or dossier.phone or "",
                    "last": format_datetime(self.env, last[dossier], dt_format="short") if last.get(dossier) else "",
                }
                for dossier in quiet[:LIST_SIZE]
            ],
        }
