# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models


class VipDemo(models.AbstractModel):
    _inherit = "vip.demo"

    @api.model
    def _demo_erasures(self):
        """Two relatives of manager1's clients withdrew their consent: one 25 days ago (erasure due in five
        days, the manager's task is due today), one 40 days ago, erased by the manager since."""
        today = fields.Date.context_today(self)
        manager = self.env.ref("vip_dossier.user_manager1_demo", raise_if_not_found=False)
        if not manager:
            return
        relatives = self.env["vip.relative"].search(
            [
                ("dossier_id.user_id", "=", manager.id),
                ("consent_withdrawn_date", "=", False),
            ],
            order="dossier_id desc, id",
            limit=2,
        )
        for relative, days in zip(relatives, (25, 40), strict=False):
            withdrawn = today - timedelta(days=days)
            vals = {"consent_withdrawn_date": withdrawn}
            if not relative.consent_date or relative.consent_date > withdrawn:
                vals.update(consent_date=withdrawn - timedelta(days=365), consent_source="paper")
            relative.write(vals)
        cases = self.env["vip.erasure"].search([("relative_id", "in", relatives.ids)])
        for case in cases.filtered(lambda c: c.withdrawal_date == today - timedelta(days=25)):
            case.document = "Заявление об отзыве согласия, вх. № 118"
        for case in cases.filtered(lambda c: c.withdrawal_date == today - timedelta(days=40)):
            case.document = "Заявление об отзыве согласия, вх. № 96"
            case.with_user(manager).action_erase()
