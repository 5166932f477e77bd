# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools.misc import format_amount, format_date, format_datetime

LIST_SIZE = 10


class VipOverview(models.AbstractModel):
    """The management overview: one call, one screen, every figure read with the caller's rights."""

    _name = "vip.overview"
    _description = "VIP Management Overview"

    @api.model
    def get_overview(self):
        # who may see it is the access list's to say (supervisors), like any other VIP data
        self.check_access("read")
        today = fields.Date.context_today(self)
        return {
            "today": format_date(self.env, today),
            "clients": self._clients_per_manager_and_tier(),
            "income": self._income_this_year_vs_last(today),
            "key_dates": self._key_dates_this_week(today),
            "overdue": self._overdue_tasks_per_manager(today),
            "incomplete": self._incomplete_dossiers(),
            "accesses": self._recent_accesses(),
        }

    @api.model
    def action_overdue_tasks(self, user_id):
        """A manager's late tasks in the task control, where top management comments, reassigns and
        escalates them."""
        self.check_access("read")
        action = self.env["ir.actions.act_window"]._for_xml_id("vip_task_control.vip_activity_action")
        action["context"] = {"search_default_overdue": 1, "search_default_user_id": int(user_id)}
        return action

    def _clients_per_manager_and_tier(self):
        groups = self.env["vip.dossier"]._read_group([], ["user_id", "tier_id"], ["__count"])
        tiers = sorted({tier for _user, tier, _count in groups}, key=lambda t: (not t, t.sequence if t else 0, t.id))
        rows = {}
        for user, tier, count in groups:
            row = rows.setdefault(user, {"id": user.id, "name": user.name or self.env._("No manager"), "counts": {}})
            row["counts"][tier.id or 0] = count
        managers = sorted(rows.values(), key=lambda r: -sum(r["counts"].values()))
        for row in managers:
            row["total"] = sum(row["counts"].values())
            row["cells"] = [row["counts"].get(tier.id or 0, 0) for tier in tiers]
            del row["counts"]
        return {
            "tiers": [{"id": tier.id or 0, "name": tier.name or self.env._("No tier")} for tier in tiers],
            "managers": managers,
            "total": sum(row["total"] for row in managers),
            "tier_totals": [sum(row["cells"][i] for row in managers) for i in range(len(tiers))],
        }

    def _income_this_year_vs_last(self, today):
        Income = self.env["vip.income"]
        currency = self.env.company.currency_id
        if not Income.has_access("read") or not Income._fields["amount"].is_accessible(self.env):
            return False
        start = today.replace(month=1, day=1)
        last_start, last_end = start - relativedelta(years=1), today - relativedelta(years=1)
        per_month = dict(
            Income._read_group([("date", ">=", last_start), ("date", "<=", today)], ["date:month"], ["amount:sum"])
        )
        months = []
        for month in range(1, today.month + 1):
            this = start.replace(month=month)
            last = last_start.replace(month=month)
            months.append(
                {
                    "label": format_date(self.env, this, date_format="MMM"),
                    "this_year": per_month.get(this, 0.0),
                    "last_year": per_month.get(last, 0.0) if last <= last_end else 0.0,
                }
            )
        this_year = sum(m["this_year"] for m in months)
        last_year = sum(amount for month, amount in per_month.items() if last_start <= month <= last_end)
        top = max((max(m["this_year"], m["last_year"]) for m in months), default=0) or 1
        for month in months:
            month["this_pct"] = round(100 * max(month["this_year"], 0) / top)
            month["last_pct"] = round(100 * max(month["last_year"], 0) / top)
        return {
            "this_year": format_amount(self.env, this_year, currency),
            "last_year": format_amount(self.env, last_year, currency),
            "year": today.year,
            "change": round(100 * (this_year - last_year) / abs(last_year), 1) if last_year else None,
            "months": months,
        }

    def _key_dates_this_week(self, today):
        return self.env["vip.key.date"]._this_week(today, limit=LIST_SIZE)

    def _overdue_tasks_per_manager(self, today):
        groups = self.env["mail.activity"]._read_group(
            [("res_model", "=", "vip.dossier"), ("date_deadline", "<", today)],
            ["user_id"],
            ["__count", "date_deadline:min"],
            order="__count desc",
        )
        return {
            "total": sum(count for _user, count, _oldest in groups),
            "managers": [
                {
                    "id": user.id,
                    "name": user.name or "",
                    "count": count,
                    "oldest": format_date(self.env, oldest),
                    "days": (today - oldest).days,
                }
                for user, count, oldest in groups
            ],
        }

    def _incomplete_dossiers(self):
        Dossier = self.env["vip.dossier"]
        domain = [("is_incomplete", "=", True)]
        dossiers = Dossier.search(domain, order="completeness, name", limit=LIST_SIZE)
        return {
            "count": Dossier.search_count(domain),
            "items": [
                {"id": d.id, "name": d.name, "completeness": d.completeness, "manager": d.user_id.name or ""}
                for d in dossiers
            ],
        }

    def _recent_accesses(self):
        Log = self.env["vip.access.log"]
        if not Log.has_access("read"):
            return False
        events = dict(Log._fields["event"]._description_selection(self.env))
        return [
            {
                "id": log.id,
                "date": format_datetime(self.env, log.date, dt_format="short"),
                "user": log.user_id.name or "",
                "client": log.dossier_name or log.dossier_id.name or "",
                "event": events.get(log.event, log.event),
                "alert": log.event != "open",
            }
            for log in Log.search([], order="date desc, id desc", limit=LIST_SIZE)
        ]
