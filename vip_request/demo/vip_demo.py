# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL

# (manager, subject, question, area, what happened to it)
DEMO_REQUESTS = [
    (
        "manager1",
        "Налоговый вычет по ИИС",
        "Клиент спрашивает, можно ли получить вычет по ИИС типа А за три года сразу и какие документы нужны.",
        "tax",
        "new",
    ),
    (
        "manager1",
        "Досрочное погашение ипотеки",
        "Клиент хочет погасить часть ипотеки досрочно: как пересчитают платёж и есть ли комиссия.",
        "lending",
        "expert",
    ),
    (
        "manager1",
        "Структурные облигации",
        "Клиент просит разъяснить риски структурных облигаций с защитой капитала на три года.",
        "investments",
        "overdue",
    ),
    (
        "manager2",
        "Лимит по премиальной карте",
        "Клиент спрашивает, можно ли поднять лимит снятия наличных за рубежом на время поездки.",
        "cards",
        "answered",
    ),
    (
        "manager2",
        "Доверенность на сына",
        "Клиент хочет оформить доверенность на сына для управления вкладами: нужна ли нотариальная форма.",
        "legal",
        "closed",
    ),
]
ANSWERS = {
    "answered": "Лимит можно поднять до 1 000 000 ₽ в сутки на срок до 30 дней по заявлению в приложении.",
    "closed": "Для вкладов достаточно доверенности, оформленной в отделении банка; нотариус не нужен.",
}


class VipDemo(models.AbstractModel):
    _inherit = "vip.demo"

    @api.model
    def _make_requests(self):
        """A few requests on the demo managers' clients, in every state: one overdue, one answered with the
        manager's follow-up task on the client. Each is made by its manager, as in the desk."""
        employee = self.env.ref("vip_dossier.user_employee_demo")
        areas = {code: self.env.ref(f"vip_request.vip_request_area_{code}") for *_x, code, _s in DEMO_REQUESTS}
        # the demo's expert: an employee with no VIP access at all, who gets the question by e-mail
        self.env["vip.request.area"].search([]).write({"expert_id": employee.id})
        today = fields.Date.context_today(self)
        used = self.env["vip.dossier"]
        for login, subject, question, code, story in DEMO_REQUESTS:
            manager = self.env.ref(f"vip_dossier.user_{login}_demo")
            dossier = self.env["vip.dossier"].search(
                [("user_id", "=", manager.id), ("id", "not in", used.ids)], limit=1
            )
            if not dossier:
                continue
            used |= dossier
            received = today - relativedelta(days=10 if story == "overdue" else 2)
            request = (
                self.env["vip.request"]
                .with_user(manager)
                .create(
                    {
                        "dossier_id": dossier.id,
                        "name": subject,
                        "question": question,
                        "area_id": areas[code].id,
                        "channel": "phone",
                        "received_date": received,
                    }
                )
            )
            if story == "new":
                continue
            request.action_send_to_expert()
            if story == "overdue":
                # the date promised ten days ago has passed: as if sent then (no user sets a past date)
                late = received + relativedelta(days=5)
                self.env.cr.execute(
                    SQL(
                        "UPDATE vip_request SET due_date = %s, sent_date = %s WHERE id = %s", late, received, request.id
                    )
                )
                self.env.cr.execute(
                    SQL(
                        "UPDATE mail_activity SET date_deadline = %s WHERE res_model = 'vip.request' AND res_id = %s",
                        late,
                        request.id,
                    )
                )
                self.env.invalidate_all()
                continue
            if story in ANSWERS:
                request.answer = ANSWERS[story]
                request.action_record_answer()
            if story == "closed":
                request.action_close()
