# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import random

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class VipDemo(models.AbstractModel):
    _inherit = "vip.demo"

    @api.model
    def _demo_employer_findings(self, dossiers=None, seed=42):
        """A short history of looks at the employer's site of each complete dossier without one (a
        dossier with a position; of ``dossiers``, or all), the last look 1 to 60 days ago; now and then
        news worth a call, made at once (an interaction) or to make (a task)."""
        rnd = random.Random(seed)
        today = fields.Date.context_today(self)
        news = [
            ("Открыт новый филиал в Казани", True),
            ("Ничего нового", False),
            ("Компания получила государственный контракт", True),
            ("Опубликован годовой отчёт, выручка выросла", False),
            ("Сменился генеральный директор", True),
        ]
        vals = []
        # a client who has a history already (an upgraded demo) keeps it
        complete = [("job_title", "!=", False), ("employer_id", "!=", False), ("employer_finding_ids", "=", False)]
        if dossiers is not None:
            complete.append(("id", "in", dossiers.ids))
        for dossier in self.env["vip.dossier"].search(complete, order="id"):
            last = today - relativedelta(days=rnd.randint(1, 60))
            for step, days_before in enumerate((rnd.randint(60, 90), rnd.randint(25, 40), 0)):
                note, worth_call = rnd.choice(news)
                vals.append(
                    {
                        "dossier_id": dossier.id,
                        "date": last - relativedelta(days=days_before),
                        "user_id": dossier.user_id.id,
                        "note": note,
                        "worth_call": worth_call,
                        # the latest news is still to be called about; older news were called about
                        "follow_up": ("task" if step == 2 else "interaction") if worth_call else False,
                    }
                )
        self.env["vip.employer.finding"].with_context(tracking_disable=True, mail_create_nolog=True).create(vals)
