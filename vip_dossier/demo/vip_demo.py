# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import random
from datetime import date, datetime, time

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

# (last name, first name, patronymic, female)
CLIENTS = [
    ("Абрамов", "Игорь", "Сергеевич", False),
    ("Белова", "Марина", "Андреевна", True),
    ("Васильев", "Олег", "Николаевич", False),
    ("Григорьева", "Светлана", "Петровна", True),
    ("Давыдов", "Константин", "Ильич", False),
    ("Егорова", "Наталья", "Викторовна", True),
    ("Жуков", "Артём", "Олегович", False),
    ("Зайцева", "Ольга", "Дмитриевна", True),
    ("Ильин", "Виктор", "Павлович", False),
    ("Калинина", "Татьяна", "Юрьевна", True),
    ("Лебедев", "Андрей", "Михайлович", False),
    ("Миронова", "Екатерина", "Сергеевна", True),
    ("Никитин", "Роман", "Александрович", False),
    ("Орлова", "Ирина", "Владимировна", True),
    ("Павлов", "Михаил", "Геннадьевич", False),
    ("Романова", "Юлия", "Игоревна", True),
    ("Смирнов", "Алексей", "Борисович", False),
    ("Тихонова", "Анастасия", "Романовна", True),
    ("Ушаков", "Денис", "Евгеньевич", False),
    ("Фёдорова", "Людмила", "Степановна", True),
    ("Харитонов", "Григорий", "Львович", False),
    ("Цветкова", "Вера", "Аркадьевна", True),
    ("Чернов", "Станислав", "Витальевич", False),
    ("Шарова", "Дарья", "Максимовна", True),
    ("Щербаков", "Николай", "Фёдорович", False),
    ("Юдина", "Алла", "Григорьевна", True),
    ("Яковлев", "Борис", "Анатольевич", False),
    ("Быстров", "Евгений", "Тимурович", False),
    ("Полякова", "Ксения", "Олеговна", True),
    ("Кузнецов", "Фёдор", "Ярославович", False),
]

# (name, industry xmlid, web site, founding date, position)
EMPLOYERS = [
    ("ПАО «Северный банк»", "base.res_partner_industry_K", "https://www.example.com/sever-bank", date(1991, 12, 2)),
    ("АО «СтройИнвест»", "base.res_partner_industry_F", "https://www.example.com/stroyinvest", date(2001, 8, 12)),
    ("ООО «Цифровые системы»", "base.res_partner_industry_J", "https://www.example.com/digital", date(2010, 4, 1)),
    ("АО «Энергосеть»", "base.res_partner_industry_D", "https://www.example.com/energoset", date(1998, 12, 22)),
    ("ООО «Агрохолдинг Юг»", "base.res_partner_industry_A", "https://www.example.com/agro", date(2005, 10, 9)),
    ("Клиника «Здоровье»", "base.res_partner_industry_Q", "https://www.example.com/clinic", date(1995, 6, 16)),
    ("ООО «ТрансЛогистик»", "base.res_partner_industry_H", "https://www.example.com/translog", date(2003, 7, 7)),
    ("МГУ, кафедра экономики", "base.res_partner_industry_P", "https://www.example.com/univ", date(1955, 1, 25)),
]
POSITIONS = ["Генеральный директор", "Финансовый директор", "Главный инженер", "Партнёр", "Профессор", "Главный врач"]
MALE_FIRST = ["Александр", "Дмитрий", "Сергей", "Иван", "Максим", "Никита"]
FEMALE_FIRST = ["Мария", "Анна", "Елена", "София", "Полина", "Алиса"]
PREFERENCES = {
    "vip_dossier.vip_preference_category_gifts": [
        "Коллекционный коньяк",
        "Книги по истории",
        "Швейцарский шоколад",
        "Цветы: белые розы",
    ],
    "vip_dossier.vip_preference_category_hobbies": ["Рыбалка", "Горные лыжи", "Шахматы", "Фотография"],
    "vip_dossier.vip_preference_category_food": ["Итальянская кухня", "Не ест мясо", "Японская кухня"],
    "vip_dossier.vip_preference_category_sport": ["Теннис", "Хоккей (болеет за ЦСКА)", "Гольф"],
    "vip_dossier.vip_preference_category_culture": ["Опера, Большой театр", "Современное искусство", "Джаз"],
    "vip_dossier.vip_preference_category_communication": [
        "Звонить после 11:00",
        "Предпочитает WhatsApp",
        "Только на «Вы»",
    ],
}


class VipDemo(models.AbstractModel):
    """Demo data that tells a story, generated relative to the day it is loaded.

    Generated rather than written in XML so that birthdays and anniversaries
    always fall in the coming two weeks, whenever the demo database is made.
    """

    _name = "vip.demo"
    _description = "VIP Desk Demo Data"

    @api.model
    def _generate(self, seed=42):
        rnd = random.Random(seed)
        today = fields.Date.context_today(self)
        env = self.with_context(tracking_disable=True, mail_create_nolog=True).env
        self._setup_demo_company(env)
        relation = {
            code: env.ref(f"vip_dossier.vip_relation_type_{code}")
            for code in ("spouse", "child", "parent", "sibling", "grandchild")
        }
        employers = self._generate_employers(env, today)
        dossiers = self._generate_dossiers(env, employers, rnd, today)
        relatives = self._generate_relatives(env, dossiers, relation, rnd, today)
        self._generate_preferences(env, dossiers, relatives, rnd, today)
        self._generate_trusted_persons(env, dossiers, relation, rnd, today)
        self._generate_money(env, dossiers, rnd, today)
        self._generate_interactions(env, dossiers, rnd, today)
        return True

    @api.model
    def _generate_employers(self, env, today):
        """The employers, one of them celebrating its anniversary in the coming days."""
        return env["res.partner"].create(
            [
                {
                    "name": name,
                    "is_company": True,
                    "industry_id": env.ref(industry).id,
                    "website": site,
                    # one employer celebrates its anniversary in the coming days
                    "founding_date": founded if i else self._shift_years(today + relativedelta(days=9), -30),
                }
                for i, (name, industry, site, founded) in enumerate(EMPLOYERS)
            ]
        )

    @api.model
    def _generate_dossiers(self, env, employers, rnd, today):
        """The clients of the two demo managers: a birthday in the coming two weeks for every fourth, a few
        dossiers incomplete, one without consent, one who withdrew it."""
        managers = env.ref("vip_dossier.user_manager1_demo") | env.ref("vip_dossier.user_manager2_demo")
        tiers = env["vip.tier"].search([])
        spoken = env["res.lang"].with_context(active_test=False).search([("code", "in", ("ru_RU", "en_US"))])
        russian = spoken.filtered(lambda lang: lang.code == "ru_RU")

        dossier_vals = []
        for i, (last, first, patronymic, female) in enumerate(CLIENTS):
            manager, other = (managers[0], managers[1]) if i % 2 == 0 else (managers[1], managers[0])
            age = rnd.randint(32, 68)
            if i % 4 == 0:  # a birthday in the coming two weeks
                birth = self._shift_years(today + relativedelta(days=(i % 13) + 1), -age)
            else:
                birth = self._shift_years(today - relativedelta(days=rnd.randint(20, 340)), -age)
            complete = i % 5 != 3
            dossier_vals.append(
                {
                    "last_name": last,
                    "first_name": first,
                    "patronymic": patronymic,
                    "gender": "female" if female else "male",
                    "client_ref": f"VIP-{i + 1:04d}",
                    "tier_id": tiers[i % len(tiers)].id,
                    "state": "prospect" if i % 10 == 9 else ("dormant" if i % 10 == 7 else "active"),
                    "client_since": today - relativedelta(years=rnd.randint(1, 15), days=rnd.randint(0, 300)),
                    "user_id": manager.id,
                    "deputy_id": other.id if i % 3 == 0 else False,
                    "birth_date": birth,
                    "phone": f"+7 495 {rnd.randint(100, 999)}-{rnd.randint(10, 99)}-{rnd.randint(10, 99)}",
                    "mobile": f"+7 916 {rnd.randint(100, 999)}-{rnd.randint(10, 99)}-{rnd.randint(10, 99)}",
                    "email": f"client{i + 1:02d}@mail.example" if complete else False,
                    "lang_ids": [(6, 0, spoken.ids if i % 3 else russian.ids)],
                    "preferred_channel": rnd.choice(["phone", "mobile", "messenger", "meeting"]) if complete else False,
                    "contact_hour_from": 10.0,
                    "contact_hour_to": 19.0,
                    "employer_id": employers[i % len(employers)].id,
                    "job_title": rnd.choice(POSITIONS) if complete else False,
                    "consent_purpose": "Обслуживание в VIP-офисе" if i != 11 else False,
                    "consent_date": today - relativedelta(years=1) if i != 11 else False,
                    "consent_source": "paper" if i != 11 else False,
                    "consent_withdrawn_date": today - relativedelta(days=10) if i == 17 else False,
                }
            )
        return env["vip.dossier"].create(dossier_vals)

    @api.model
    def _generate_relatives(self, env, dossiers, relation, rnd, today):
        """A spouse and up to three children each, a parent now and then; family birthdays in the coming two
        weeks; most agreed to be contacted."""
        relative_vals = []
        for i, dossier in enumerate(dossiers):
            spouse_female = not CLIENTS[i][3]
            relatives = [("spouse", spouse_female)] + [("child", rnd.random() < 0.5) for _ in range(rnd.randint(0, 3))]
            if i % 6 == 0:
                relatives.append(("parent", True))
            for j, (code, female) in enumerate(relatives):
                client_age = relativedelta(today, dossier.birth_date).years
                age = {
                    "spouse": client_age - rnd.randint(-3, 6),
                    "child": rnd.randint(3, min(30, client_age - 20)),
                    "parent": client_age + rnd.randint(22, 30),
                }[code]
                if (i + j) % 5 == 1:  # a family birthday in the coming two weeks
                    birth = self._shift_years(today + relativedelta(days=((i + j) % 14) + 1), -max(age, 1))
                else:
                    birth = self._shift_years(today - relativedelta(days=rnd.randint(15, 350)), -max(age, 1))
                first = rnd.choice(FEMALE_FIRST if female else MALE_FIRST)
                last = (
                    CLIENTS[i][0] if female == CLIENTS[i][3] else self._other_gender_last(CLIENTS[i][0], CLIENTS[i][3])
                )
                relative_vals.append(
                    {
                        "dossier_id": dossier.id,
                        "relation_type_id": relation[code].id,
                        "last_name": last,
                        "first_name": first,
                        "gender": "female" if female else "male",
                        "birth_date": birth,
                        "consent_date": today - relativedelta(months=6) if (i + j) % 4 else False,
                        "consent_purpose": "Поздравления и приглашения на мероприятия" if (i + j) % 4 else False,
                        "consent_source": "paper" if (i + j) % 4 else False,
                        "contact_consent": bool((i + j) % 4),
                        "contact_consent_channel": "phone" if (i + j) % 4 else False,
                    }
                )
        return env["vip.relative"].create(relative_vals)

    @api.model
    def _generate_preferences(self, env, dossiers, relatives, rnd, today):
        """Three preferences per complete dossier, a gift idea for every other relative."""
        pref_categories = list(PREFERENCES)
        preference_vals = []
        for i, dossier in enumerate(dossiers):
            if i % 5 == 3:
                continue  # a few dossiers are left incomplete on purpose
            for xmlid in rnd.sample(pref_categories, 3):
                preference_vals.append(
                    {
                        "dossier_id": dossier.id,
                        "category_id": env.ref(xmlid).id,
                        "value": rnd.choice(PREFERENCES[xmlid]),
                        "source": rnd.choice(["client", "observed"]),
                        "date_noted": today - relativedelta(days=rnd.randint(1, 400)),
                    }
                )
        for relative in relatives.filtered(lambda r: r.id % 2 == 0):
            preference_vals.append(
                {
                    "dossier_id": relative.dossier_id.id,
                    "relative_id": relative.id,
                    "category_id": env.ref("vip_dossier.vip_preference_category_gifts").id,
                    "value": rnd.choice(PREFERENCES["vip_dossier.vip_preference_category_gifts"]),
                    "source": "relative",
                }
            )
        env["vip.preference"].create(preference_vals)

    @api.model
    def _generate_trusted_persons(self, env, dossiers, relation, rnd, today):
        """The spouse holds a power of attorney for every fourth client, some ending soon."""
        trusted_vals = []
        for dossier in dossiers[::4]:
            spouse = dossier.relative_ids.filtered(lambda r: r.relation_type_id == relation["spouse"])[:1]
            trusted_vals.append(
                {
                    "dossier_id": dossier.id,
                    "relative_id": spouse.id,
                    "name": spouse.name,
                    "scope": "Распоряжение вкладами и счетами, получение выписок",
                    "document_ref": f"77 АГ {rnd.randint(1000000, 9999999)}",
                    "valid_from": today - relativedelta(months=rnd.randint(1, 30)),
                    "valid_to": today + relativedelta(days=rnd.choice([12, 45, 200, 400])),
                }
            )
        env["vip.trusted.person"].create(trusted_vals)

    @api.model
    def _setup_demo_company(self, env):
        """The demo bank is Russian: roubles and Russia, unless money was already booked."""
        company = env.company
        rub = env.ref("base.RUB")
        if company.currency_id != rub and not env["vip.operation"].search_count([], limit=1):
            rub.active = True
            company.write({"currency_id": rub.id, "country_id": env.ref("base.ru").id})

    @api.model
    def _generate_money(self, env, dossiers, rnd, today):
        operation_vals, income_vals = [], []
        types = [
            ("deposit", "in"),
            ("withdrawal", "out"),
            ("transfer_in", "in"),
            ("transfer_out", "out"),
            ("card", "out"),
            ("fx", "out"),
            ("investment", "out"),
        ]
        for i, dossier in enumerate(dossiers):
            scale = 1 + (i % 7)
            for month in range(12):
                first_day = (today - relativedelta(months=month)).replace(day=1)
                for k in range(rnd.randint(3, 8)):
                    op_date = min(first_day + relativedelta(days=rnd.randint(0, 27)), today)
                    op_type, direction = rnd.choice(types)
                    operation_vals.append(
                        {
                            "dossier_id": dossier.id,
                            "date": op_date,
                            "operation_type": op_type,
                            "direction": direction,
                            "product": rnd.choice(
                                ["Текущий счёт", "Вклад «Премиум»", "Карта World Elite", "Брокерский счёт"]
                            ),
                            "amount": round(rnd.uniform(5_000, 900_000) * scale, 2),
                            "channel": rnd.choice(["branch", "online", "mobile", "phone"]),
                            "source": "demo",
                            "external_ref": f"DEMO-{dossier.client_ref}-{month:02d}-{k}",
                        }
                    )
                for line in ("fees", "interest", "fx"):
                    if line == "fx" and month % 3:
                        continue
                    income_vals.append(
                        {
                            "dossier_id": dossier.id,
                            "date": first_day,
                            "product_line": line,
                            "amount": round(rnd.uniform(2_000, 60_000) * scale, 2),
                            "source": "demo",
                            "external_ref": f"DEMO-INC-{dossier.client_ref}-{month:02d}-{line}",
                        }
                    )
        env["vip.operation"].create(operation_vals)
        env["vip.income"].create(income_vals)

    @api.model
    def _generate_interactions(self, env, dossiers, rnd, today):
        subjects = [
            ("call", "Поздравление с днём рождения", "Клиент благодарил, обсудили планы на отпуск"),
            ("meeting", "Обзор инвестиционного портфеля", "Согласились увеличить долю облигаций"),
            ("email", "Отправлены условия вклада «Премиум»", "Ждём решения до конца месяца"),
            ("gift", "Подарок к юбилею компании", "Передан через помощника"),
            ("call", "Вопрос по валютному переводу", "Передано в казначейство, ответ в течение дня"),
        ]
        vals = []
        for dossier in dossiers:
            for months_ago in sorted(rnd.sample(range(1, 11), 3), reverse=True):
                channel, subject, outcome = rnd.choice(subjects)
                moment = datetime.combine(today - relativedelta(months=months_ago, days=rnd.randint(0, 20)), time(9))
                vals.append(
                    {
                        "dossier_id": dossier.id,
                        "date": moment + relativedelta(hours=rnd.randint(0, 8)),
                        "user_id": dossier.user_id.id,
                        "channel": channel,
                        "subject": subject,
                        "outcome": outcome,
                    }
                )
        env["vip.interaction"].create(vals)

    @staticmethod
    def _shift_years(day, years):
        """The same day ``years`` later; 29 February becomes 28 February."""
        try:
            return day.replace(year=day.year + years)
        except ValueError:
            return day.replace(year=day.year + years, day=28)

    @staticmethod
    def _other_gender_last(last, female):
        """Russian surnames agree with gender: Белова → Белов, Абрамов → Абрамова."""
        if female:
            return last[:-1] if last.endswith("а") else last
        return last + "а" if last.endswith(("ов", "ев", "ин", "ёв")) else last
