# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Greetings agree with the person's gender.

The occasion types are kept without update (the bank edits them): the SMS texts the module shipped,
still as shipped, take the new ``{greeting}`` («Уважаемый Иван Петрович» / «Уважаемая Анна
Сергеевна») in English and Russian; texts the bank wrote keep ``{name}``, which still works. The new
occasions (23 February, 8 March, round birthdays) are created by the data file and stay off until the
company switches them on. The persons' gender is guessed from the patronymic by the ORM when its column
is created (``vip_dossier``)."""

from odoo import SUPERUSER_ID, api

# xml id: (text shipped before, the new English text, the Russian ones before and after)
TEXTS = {
    "key_date_type_birthday": (
        "Dear {name}, happy birthday! Health, happiness and success. Your VIP manager.",
        "{greeting}, happy birthday! Health, happiness and success. Your VIP manager.",
        "{name}, с днём рождения! Здоровья, счастья и успехов. Ваш персональный менеджер.",
        "{greeting}, с днём рождения! Здоровья, счастья и успехов. Ваш персональный менеджер.",
    ),
    "key_date_type_relative_birthday": (
        "Dear {name}, happy birthday! Warm wishes from your family's bank.",
        "{greeting}, happy birthday! Warm wishes from your family's bank.",
        "{name}, с днём рождения! Примите тёплые поздравления от вашего банка.",
        "{greeting}, с днём рождения! Примите тёплые поздравления от вашего банка.",
    ),
    "key_date_type_client_anniversary": (
        "Dear {name}, thank you for another year with our bank!",
        "{greeting}, thank you for another year with our bank!",
        "{name}, благодарим вас за ещё один год с нашим банком!",
        "{greeting}, благодарим вас за ещё один год с нашим банком!",
    ),
    "key_date_type_professional_holiday": (
        "Dear {name}, congratulations on your professional holiday!",
        "{greeting}, congratulations on your professional holiday!",
        "{name}, поздравляем вас с профессиональным праздником!",
        "{greeting}, поздравляем вас с профессиональным праздником!",
    ),
}


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    # Russian only where it is installed: a text in a language the database lacks cannot be written
    russian = "ru_RU" in dict(env["res.lang"].get_installed())
    for xmlid, (old_en, new_en, old_ru, new_ru) in TEXTS.items():
        key_type = env.ref(f"vip_calendar.{xmlid}", raise_if_not_found=False)
        if not key_type or key_type.with_context(lang="en_US").sms_text != old_en:
            continue  # changed by the bank: theirs
        ru = key_type.with_context(lang="ru_RU").sms_text if russian else None
        key_type.with_context(lang="en_US").sms_text = new_en
        if russian and ru in (old_ru, old_en):
            key_type.with_context(lang="ru_RU").sms_text = new_ru
