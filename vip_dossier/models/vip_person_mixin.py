# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .vip_input_mixin import NAME_SIZE, check_not_in_future

# Patronymic endings that tell the gender: Russian (-вич/-ич, -вна/-чна: Ильич, Ильинична), the Turkic
# forms (-оглы/-улы/-уулу, -кызы/-гызы) and their Latin spellings. A guess, made once: the manager corrects it.
MALE_ENDINGS = ("ич", "оглы", "оглу", "улы", "уулу", "ich", "ogly", "oglu", "uly", "uulu")
FEMALE_ENDINGS = ("вна", "чна", "кызы", "гызы", "қызы", "vna", "chna", "kyzy", "gyzy", "kizi", "qizi")


def guess_gender(patronymic):
    """The gender a patronymic tells ("male", "female"), or False when it tells none."""
    word = (patronymic or "").strip().lower()
    if word.endswith(FEMALE_ENDINGS):
        return "female"
    if word.endswith(MALE_ENDINGS):
        return "male"
    return False


class VipPersonMixin(models.AbstractModel):
    """A person named in the Russian form.

    Clients and relatives are greeted by first name and patronymic ("Иван
    Петрович"); greeting scripts and mail templates read ``formal_address``
    so that the form of address is decided once, here. Russian greetings agree
    with the person's gender («Уважаемый Иван Петрович», «Уважаемая Анна
    Сергеевна»): ``honorific`` says it, and without a known gender it uses no
    gendered word at all (never «Уважаемый(ая)»).
    """

    _name = "vip.person.mixin"
    _description = "VIP Person (Russian name form)"

    last_name = fields.Char(size=NAME_SIZE)
    first_name = fields.Char(size=NAME_SIZE)
    patronymic = fields.Char(size=NAME_SIZE)
    name = fields.Char(
        string="Full Name",
        size=NAME_SIZE,
        compute="_compute_name",
        store=True,
        readonly=False,
        index="trigram",
        help="Full name: last name, first name and patronymic.",
    )
    formal_address = fields.Char(
        compute="_compute_formal_address",
        store=True,
        readonly=False,
        help="How the person is addressed in conversation and greetings, by default first name and patronymic.",
    )
    gender = fields.Selection(
        [("male", "Male"), ("female", "Female")],
        compute="_compute_gender",
        store=True,
        readonly=False,
        precompute=True,
        help="Guessed from the patronymic (-вич / -вна, -оглы / -кызы) when empty; correct it when the guess is "
        "wrong. Empty: not known, and greetings use no gendered word.",
    )
    honorific = fields.Char(
        compute="_compute_honorific",
        help="The greeting's form of address, in the reader's language: «Уважаемый Иван Петрович», «Уважаемая "
        "Анна Сергеевна»; only the formal address when the gender is not known.",
    )
    birth_date = fields.Date()

    @api.depends("last_name", "first_name", "patronymic")
    def _compute_name(self):
        for person in self:
            parts = [person.last_name, person.first_name, person.patronymic]
            full = " ".join(p.strip() for p in parts if p and p.strip())
            if full:
                person.name = full

    @api.depends("first_name", "patronymic")
    def _compute_formal_address(self):
        for person in self:
            parts = [person.first_name, person.patronymic]
            person.formal_address = " ".join(p.strip() for p in parts if p and p.strip())

    @api.depends("patronymic")
    def _compute_gender(self):
        # only where nothing is set: what the manager chose stays
        for person in self:
            if not person.gender:
                person.gender = guess_gender(person.patronymic)

    @api.depends("gender", "formal_address", "name")
    @api.depends_context("lang")
    def _compute_honorific(self):
        for person in self:
            address = person.formal_address or person.name or ""
            # three sources, so that a language with gendered forms can translate each: the same in English
            if person.gender == "male":
                person.honorific = self.env._("Dear %(man)s", man=address)
            elif person.gender == "female":
                person.honorific = self.env._("Dear %(woman)s", woman=address)
            else:
                person.honorific = self.env._("Dear %(person)s", person=address)

    @api.constrains("name", "last_name", "first_name", "patronymic")
    def _check_name(self):
        for person in self:
            if not (person.name or "").strip():
                raise ValidationError(self.env._("A person needs a name: fill in at least the last or the first name."))
            # the full name is made of the parts: together, they must fit in it (it would be cut short)
            parts = [person.last_name, person.first_name, person.patronymic]
            length = len(" ".join(p.strip() for p in parts if p and p.strip()))
            if length > NAME_SIZE:
                raise ValidationError(
                    self.env._(
                        "The last name, first name and patronymic of %(name)s are too long together: "
                        "%(length)s characters, at most %(max)s.",
                        name=person.name,
                        length=length,
                        max=NAME_SIZE,
                    )
                )

    @api.constrains("birth_date")
    def _check_birth_date(self):
        check_not_in_future(
            self,
            "birth_date",
            lambda person, date: self.env._(
                "The birth date of %(name)s (%(date)s) is in the future.", name=person.name, date=date
            ),
        )
        for person in self.filtered("birth_date"):
            if person.birth_date.year < 1900:
                raise ValidationError(
                    self.env._(
                        "The birth date of %(name)s (%(date)s) is not plausible: it is before 1900.",
                        name=person.name,
                        date=person.birth_date,
                    )
                )
