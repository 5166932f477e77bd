# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo import api, fields, models


class VipDemo(models.AbstractModel):
    _inherit = "vip.demo"

    @api.model
    def _generate_gifts(self):
        """Budgets per tier for this year, and gifts of both demo managers: one to a civil-servant relative
        above the limit waiting for approval, one client above the tax-free total this year."""
        env = self.with_context(tracking_disable=True, mail_create_nolog=True).env
        today = fields.Date.context_today(self)
        new_year = date(today.year, 1, 1)

        def this_year(days_ago):
            return max(today - timedelta(days=days_ago), new_year)

        for index, tier in enumerate(env["vip.tier"].search([])):
            env["vip.gift.budget"].create({"tier_id": tier.id, "year": today.year, "amount": 150000 * (index + 1)})
        Gift = env["vip.gift"]
        manager1 = env.ref("vip_dossier.user_manager1_demo")
        manager2 = env.ref("vip_dossier.user_manager2_demo")
        # relatives alive (the key-date demo mourns one of manager1's clients' relatives)
        clients1 = env["vip.dossier"].search(
            [("user_id", "=", manager1.id), ("relative_ids.is_deceased", "=", False)], order="id"
        )
        clients2 = env["vip.dossier"].search([("user_id", "=", manager2.id)], order="id")
        if len(clients1) < 2 or len(clients2) < 2:
            return
        # a civil servant in the family of manager1's first client: a gift above 3,000 ₽ waits for approval
        official, pep_client = clients1[0], clients1[1]
        relative = official.relative_ids.filtered(lambda r: not r.is_deceased)[0]
        relative.write(
            {
                "is_civil_servant": True,
                "public_position": "Начальник отдела министерства",
                "public_office_checked_date": this_year(30),
            }
        )
        waiting = Gift.with_user(manager1).create(
            {
                "dossier_id": official.id,
                "relative_id": relative.id,
                "name": "Подарочный набор чая и фарфоровый сервиз",
                "amount": 12000,
                "date": today + timedelta(days=10),
                "occasion": "День рождения",
                "user_id": manager1.id,
            }
        )
        waiting.action_submit()
        # manager1's second client, a Russian PEP, received more than 4,000 ₽ this year: taxable
        pep_client.write(
            {"pep_kind": "russian", "public_position": "Депутат городской думы", "public_office_checked_date": today}
        )
        given = Gift.with_user(manager1).create(
            [
                {
                    "dossier_id": pep_client.id,
                    "name": "Книга «Русские иконы», подарочное издание",
                    "amount": 3500,
                    "date": this_year(60),
                    "occasion": "День рождения",
                    "user_id": manager1.id,
                },
                {
                    "dossier_id": pep_client.id,
                    "name": "Корзина фруктов",
                    "amount": 3000,
                    "date": this_year(20),
                    "occasion": "Годовщина обслуживания в банке",
                    "user_id": manager1.id,
                },
            ]
        )
        given.action_mark_given()
        # manager2's clients: one given gift and one planned for the next key date
        gifts2 = Gift.with_user(manager2).create(
            [
                {
                    "dossier_id": clients2[0].id,
                    "name": "Букет цветов",
                    "amount": 2500,
                    "date": this_year(15),
                    "occasion": "8 Марта",
                    "user_id": manager2.id,
                },
                {
                    "dossier_id": clients2[1].id,
                    "name": "Сертификат в ресторан",
                    "amount": 5000,
                    "date": today + timedelta(days=20),
                    "occasion": "Юбилей",
                    "user_id": manager2.id,
                },
            ]
        )
        gifts2[0].action_mark_given()
        # last year's gift: the year boundary in the taxable list
        last = Gift.with_user(manager2).create(
            {
                "dossier_id": clients2[0].id,
                "name": "Набор элитного шоколада",
                "amount": 4500,
                "date": date(today.year - 1, 12, 28),
                "occasion": "Новый год",
                "user_id": manager2.id,
            }
        )
        last.action_mark_given()
