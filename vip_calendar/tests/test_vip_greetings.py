# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests.common import tagged

from ..models.vip_sms_policy import format_sms
from .common import VipCalendarCase


@tagged("post_install", "-at_install")
class TestVipGreetings(VipCalendarCase):
    """Greetings agree with the person's gender; 23 February, 8 March and round birthdays follow the
    company's policy (issue #16)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # both languages, whatever the database was made with (the demo's is Russian)
        cls.env["res.lang"]._activate_lang("ru_RU")
        cls.env["res.lang"]._activate_lang("en_US")
        cls.manager.lang = "en_US"  # each test that reads Russian says so
        cls.env["ir.module.module"]._load_module_terms(["vip_dossier", "vip_calendar"], ["ru_RU"], overwrite=True)
        cls.company = cls.dossier.company_id
        cls.company.write({"vip_greet_defender_day": False, "vip_greet_womens_day": False, "vip_greet_jubilee": False})
        with freeze_time("2026-06-01 09:00:00"):
            cls.woman = cls.env["vip.dossier"].create(
                {
                    "last_name": "Смирнова",
                    "first_name": "Анна",
                    "patronymic": "Сергеевна",
                    "user_id": cls.manager.id,
                    "tier_id": cls.tier.id,
                    "client_ref": "T-0101",
                    "consent_date": "2020-01-01",
                    "birth_date": "1980-06-22",
                }
            )
            cls.unknown = cls.env["vip.dossier"].create(
                {
                    "last_name": "Ким",
                    "first_name": "Виктор",
                    "user_id": cls.manager.id,
                    "tier_id": cls.tier.id,
                    "client_ref": "T-0102",
                    "consent_date": "2020-01-01",
                    "birth_date": "1975-06-24",
                }
            )
            cls.env.flush_all()
        cls.clients = cls.dossier | cls.woman | cls.unknown

    def step(self, day, hour=6):
        with freeze_time(datetime.combine(day, datetime.min.time()) + timedelta(hours=hour)):
            created = self.run_cron()
        return created.filtered(lambda r: r.dossier_id in self.clients)

    def occasions(self, code):
        return self.KeyDate.search([("dossier_id", "in", self.clients.ids), ("type_id.code", "=", code)])

    # the gender and the honorific

    def test_gender_is_guessed_from_the_patronymic_and_corrected_by_hand(self):
        self.assertEqual((self.dossier.gender, self.woman.gender, self.unknown.gender), ("male", "female", False))
        relatives = self.env["vip.relative"].create(
            [
                {"dossier_id": self.dossier.id, "relation_type_id": self.spouse.id, "first_name": name, "patronymic": p}
                for name, p in (("Эльдар", "Мамед оглы"), ("Лейла", "Ахмед кызы"), ("Ольга", "Ильинична"), ("Ян", ""))
            ]
        )
        self.assertEqual(relatives.mapped("gender"), ["male", "female", "female", False])
        # the manager's correction stays, even when the patronymic changes
        self.unknown.gender = "male"
        self.woman.gender = "male"
        self.woman.patronymic = "Сергеевна "
        self.assertEqual(self.woman.gender, "male")
        self.assertEqual(self.unknown.gender, "male")

    def test_honorific_in_russian_and_english(self):
        ru = self.clients.with_context(lang="ru_RU")
        self.assertEqual(ru.mapped("honorific"), ["Уважаемый Иван Сергеевич", "Уважаемая Анна Сергеевна", "Виктор"])
        en = self.clients.with_context(lang="en_US")
        self.assertEqual(en.mapped("honorific"), ["Dear Иван Сергеевич", "Dear Анна Сергеевна", "Dear Виктор"])

    def test_no_gender_workarounds_in_russian(self):
        # «Поздравлен(а)»: the Russian texts never fall back on "(а)" forms
        for model, field in (("vip.key.date.reminder", "outcome"), ("vip.key.date.outcome.wizard", "outcome")):
            labels = dict(
                self.env[model]
                .with_context(lang="ru_RU")
                ._fields[field]
                ._description_selection(self.env(context={"lang": "ru_RU"}))
            )
            self.assertNotIn("(а)", labels["done"])

    def test_the_task_greets_in_the_persons_gender(self):
        self.manager.lang = "ru_RU"
        reminders = self.step(date(2026, 6, 17))
        notes = {r.dossier_id: r.activity_id.note for r in reminders}
        self.assertEqual(set(notes), set(self.clients))
        self.assertIn("Уважаемый Иван Сергеевич", notes[self.dossier])
        self.assertIn("Уважаемая Анна Сергеевна", notes[self.woman])
        self.assertIn("«Виктор»", notes[self.unknown])
        for note in notes.values():
            self.assertNotIn("Уважаемый(ая)", note)
            self.assertNotIn("(а)", note)
        # in the manager's language: English has no gendered form
        self.manager.lang = "en_US"
        self.assertIn(
            "Dear Анна Сергеевна",
            self.occasions("birthday").filtered(lambda k: k.dossier_id == self.woman)._task_note(),
        )

    def test_sms_greets_in_the_persons_gender_and_language(self):
        self.birthday.with_context(lang="en_US").sms_text = "{greeting}, happy birthday!"
        self.birthday.with_context(lang="ru_RU").sms_text = "{greeting}, с днём рождения!"
        self.clients.write({"sms_opt_in": True, "tz": "Europe/Moscow"})
        for i, client in enumerate(self.clients):
            client.mobile = f"+7 916 000 00 1{i}"
        self.dossier.partner_id.lang = "ru_RU"
        self.woman.partner_id.lang = "ru_RU"
        self.unknown.partner_id.lang = "en_US"
        self.occasions("birthday").write({"channel": "sms"})
        reminders = self.step(date(2026, 6, 17))
        self.assertTrue(all(reminders.mapped("sms_planned")))
        self.step(date(2026, 6, 20), hour=7)
        self.step(date(2026, 6, 22), hour=7)
        self.step(date(2026, 6, 24), hour=7)
        bodies = {r.dossier_id: r.sms_id.body for r in reminders}
        self.assertEqual(bodies[self.dossier], "Уважаемый Иван Сергеевич, с днём рождения!")
        self.assertEqual(bodies[self.woman], "Уважаемая Анна Сергеевна, с днём рождения!")
        self.assertEqual(bodies[self.unknown], "Dear Виктор, happy birthday!")

    def test_sms_texts_with_name_keep_working(self):
        woman = self.woman.with_context(lang="ru_RU")
        self.assertEqual(format_sms("{name}, с днём рождения!", woman), "Анна Сергеевна, с днём рождения!")
        self.assertEqual(format_sms("{greeting}, с 8 Марта!", woman), "Уважаемая Анна Сергеевна, с 8 Марта!")
        self.assertEqual(format_sms("{greeting}!", self.unknown.with_context(lang="ru_RU")), "Виктор!")

    # 23 February and 8 March

    def test_defender_and_womens_day_follow_the_switch_and_the_gender(self):
        with self.at("2027-02-01"):
            self.assertFalse(self.occasions("defender_day") | self.occasions("womens_day"))
        self.assertFalse(self.step(date(2027, 2, 20)), "no 23 February while the company does not celebrate it")
        with self.at("2027-02-20 07:00"):
            self.company.vip_greet_defender_day = True
        self.assertEqual(self.occasions("defender_day").dossier_id, self.dossier, "men only")
        [reminder] = self.step(date(2027, 2, 20))
        self.assertEqual((reminder.dossier_id, reminder.occurrence_date), (self.dossier, date(2027, 2, 23)))
        self.assertIn("Defender of the Fatherland Day", reminder.activity_id.summary)
        self.assertIn("Dear Иван Сергеевич", reminder.activity_id.note)
        # 8 March: nothing until switched on, then women only
        self.assertFalse(self.step(date(2027, 3, 5)).filtered(lambda r: r.occurrence_date == date(2027, 3, 8)))
        with self.at("2027-03-05 07:00"):
            self.company.vip_greet_womens_day = True
        [reminder] = self.step(date(2027, 3, 5))
        self.assertEqual((reminder.dossier_id, reminder.occurrence_date), (self.woman, date(2027, 3, 8)))
        self.assertEqual(reminder.key_date_id.type_id.code, "womens_day")
        # the manager corrects the gender: the occasion follows
        with self.at("2027-03-06"):
            self.unknown.gender = "female"
        self.assertEqual(self.occasions("womens_day").dossier_id, self.woman | self.unknown)

    def test_switching_the_policy_off_removes_pending_reminders(self):
        with self.at("2027-02-01"):
            self.company.write({"vip_greet_defender_day": True, "vip_greet_womens_day": True})
        [reminder] = self.step(date(2027, 2, 20))
        activity = reminder.activity_id
        self.assertTrue(activity)
        with self.at("2027-02-21"):
            self.company.vip_greet_defender_day = False
        self.assertFalse(activity.exists(), "its pending task goes")
        self.assertEqual(reminder.state, "cancelled")
        self.assertFalse(self.occasions("defender_day"), "the date goes (archived)")
        self.assertTrue(self.occasions("womens_day"), "8 March stays")
        self.assertFalse(self.step(date(2027, 2, 22)))

    # round birthdays

    def test_round_birthday_is_an_occasion_of_its_own(self):
        with self.at("2026-06-01"):
            self.dossier.birth_date = "1966-06-20"  # 60 on 20 June 2026
        # without the policy: the ordinary birthday, 7 days ahead
        self.assertFalse(self.step(date(2026, 6, 6)).filtered(lambda r: r.dossier_id == self.dossier))
        with self.at("2026-06-06 05:00"):
            self.company.vip_greet_jubilee = True
        [reminder] = self.step(date(2026, 6, 6)).filtered(lambda r: r.dossier_id == self.dossier)
        jubilee = self.env.ref("vip_calendar.key_date_type_jubilee")
        self.assertEqual(reminder.occurrence_date, date(2026, 6, 20), "14 days ahead: the jubilee's lead time")
        self.assertEqual(reminder.key_date_id.type_id, self.birthday, "the birthday's date, reminded as a jubilee")
        self.assertIn("Round Birthday: 60 years", reminder.activity_id.summary)
        self.assertEqual(reminder.activity_id.activity_type_id, jubilee.activity_type_id)
        self.assertIn("round birthday", reminder.activity_id.note)
        self.assertEqual(reminder.key_date_id.with_context(lang="ru_RU").occasion, "Юбилей: 60 лет")
        # not a second task on the birthday itself
        for day in range(7, 21):
            self.assertFalse(self.step(date(2026, 6, day)).filtered(lambda r: r.dossier_id == self.dossier))
        # the next year is an ordinary birthday, 7 days ahead
        key_date = reminder.key_date_id
        self.step(date(2026, 6, 22))
        self.assertEqual((key_date.next_date, key_date.reminder_date), (date(2027, 6, 20), date(2027, 6, 13)))
        self.assertEqual(key_date.occasion, self.birthday.name)

    def test_round_ages_are_configurable(self):
        self.company.write({"vip_greet_jubilee": True, "vip_jubilee_from": 50, "vip_jubilee_step": 10})
        self.assertEqual([a for a in range(45, 81) if self.company._vip_is_jubilee(a)], [50, 60, 70, 80])
        self.company.vip_jubilee_step = 5
        self.assertEqual([a for a in range(45, 66) if self.company._vip_is_jubilee(a)], [50, 55, 60, 65])
        with self.assertRaises(ValidationError):
            self.company.vip_jubilee_step = 3

    def test_switching_round_birthdays_off_gives_back_the_ordinary_birthday(self):
        with self.at("2026-06-01"):
            self.dossier.birth_date = "1966-06-20"
            self.company.vip_greet_jubilee = True
        [reminder] = self.step(date(2026, 6, 6)).filtered(lambda r: r.dossier_id == self.dossier)
        activity = reminder.activity_id
        with self.at("2026-06-08"):
            self.company.vip_greet_jubilee = False
        self.assertFalse(activity.exists(), "the jubilee's pending task goes")
        self.assertEqual(reminder.state, "cancelled")
        self.assertFalse(self.step(date(2026, 6, 9)).filtered(lambda r: r.dossier_id == self.dossier))
        [again] = self.step(date(2026, 6, 13)).filtered(lambda r: r.dossier_id == self.dossier)
        self.assertEqual(again.occurrence_date, date(2026, 6, 20))
        self.assertNotIn("60", again.activity_id.summary)
        self.assertEqual(again.activity_id.summary, f"{self.birthday.name}: {self.dossier.name}")
