# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .vip_input_mixin import NAME_SIZE


class VipPersonMixin(models.AbstractModel):
    """A person named in the Russian form.

    Clients and relatives are greeted by first name and patronymic ("Иван
    Петрович"); greeting scripts and mail templates read ``formal_address``
    so that the form of address is decided once, here.
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
        today = fields.Date.context_today(self)
        for person in self.filtered("birth_date"):
            if person.birth_date > today:
                raise ValidationError(
                    self.env._(
                        "The birth date of %(name)s (%(date)s) is in the future.",
                        name=person.name,
                        date=person.birth_date,
                    )
                )
            if person.birth_date.year < 1900:
                raise ValidationError(
                    self.env._(
                        "The birth date of %(name)s (%(date)s) is not plausible: it is before 1900.",
                        name=person.name,
                        date=person.birth_date,
                    )
                )
