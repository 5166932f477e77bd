# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools.misc import format_date


class VipOverview(models.AbstractModel):
    _inherit = "vip.overview"

    @api.model
    def get_overview(self):
        result = super().get_overview()
        result["requests"] = self._overdue_requests_per_manager(fields.Date.context_today(self))
        return result

    @api.model
    def action_overdue_requests(self, user_id):
        """A manager's overdue requests, for top management to chase."""
        self.check_access("read")
        action = self.env["ir.actions.act_window"]._for_xml_id("vip_request.vip_request_action")
        action["context"] = {"search_default_overdue": 1, "search_default_user_id": int(user_id)}
        return action

    def _overdue_requests_per_manager(self, today):
        # with the caller's rights, as every figure of the overview
        groups = self.env["vip.request"]._read_group(
            [("is_overdue", "=", True)], ["user_id"], ["__count", "due_date:min"], order="__count desc"
        )
        return {
            "total": sum(count for _user, count, _oldest in groups),
            "managers": [
                {
                    "id": user.id,
                    "name": user.name or self.env._("No manager"),
                    "count": count,
                    "oldest": format_date(self.env, oldest),
                    "days": (today - oldest).days,
                }
                for user, count, oldest in groups
            ],
        }
