# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models


class VipDemo(models.AbstractModel):
    _inherit = "vip.demo"

    @api.model
    def _confirm_professional_holidays(self, every=4):
        """The managers of the demo confirmed the industry's suggestion for their clients, except every
        ``every``-th one, whose form still shows it."""
        dossiers = self.env["vip.dossier"].search([("employer_id.industry_id", "!=", False)], order="id")
        for index, dossier in enumerate(dossiers):
            if index % every:
                dossier.action_confirm_suggested_holidays()

    @api.model
    def _demo_family_events(self):
        """A client of manager1 lost a relative three days ago: the relative is flagged deceased (which
        gives the manager the condolence task) and the client is in mourning for forty days; then the
        monthly «fill the gaps» action runs once."""
        today = fields.Date.context_today(self)
        manager = self.env.ref("vip_dossier.user_manager1_demo", raise_if_not_found=False)
        relatives = self.env["vip.relative"].search(
            [("dossier_id.user_id", "=", manager.id if manager else False), ("birth_date", "!=", False)],
            order="dossier_id, id",
            limit=1,
        )
        if relatives:
            relatives.write({"is_deceased": True, "death_date": today - timedelta(days=3)})
            self.env["vip.quiet.period"].create(
                {
                    "dossier_id": relatives.dossier_id.id,
                    "reason": "mourning",
                    "date_from": today - timedelta(days=3),
                    "date_to": today + timedelta(days=36),
                    "note": "Траур: сорок дней. Не поздравлять, звонить только по делу.",
                }
            )
        self.env["vip.dossier"]._cron_fill_gaps()
