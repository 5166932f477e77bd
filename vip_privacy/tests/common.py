# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.addons.vip_calendar.tests.common import VipCalendarCase

# the story of these tests: the spouse gave the consent in 2020 and withdraws it on 1 June 2026
TODAY = "2026-06-01 09:00:00"
WITHDRAWN = date(2026, 6, 1)


class VipErasureCase(VipCalendarCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Erasure = cls.env["vip.erasure"]
        cls.relative = cls.records["vip.relative"]
        cls.other_relative = cls.other_records["vip.relative"]
        with freeze_time(TODAY):
            (cls.relative | cls.other_relative).write(
                {
                    "consent_date": "2020-01-01",
                    "contact_consent": True,
                    "birth_date": "1975-07-10",
                    "sms_opt_in": True,
                    "phone": "+7 916 000-00-00",
                }
            )
            cls.relative_preference = cls.env["vip.preference"].create(
                {
                    "dossier_id": cls.dossier.id,
                    "relative_id": cls.relative.id,
                    "category_id": cls.gifts.id,
                    "value": "Roses",
                }
            )
            cls.env.flush_all()

    def withdraw(self, person, day=WITHDRAWN, user=None):
        """Record the withdrawal on ``person`` as ``user`` (the client's manager by default); its open case."""
        with freeze_time(TODAY):
            person.with_user(user or self.manager).write({"consent_withdrawn_date": day})
            self.env.flush_all()
        return self.case_of(person)

    def case_of(self, person, state="due"):
        if person._name == "vip.dossier":
            domain = [("dossier_id", "=", person.id), ("person_kind", "=", "client")]
        else:
            domain = [("relative_id", "=", person.id)]
        return self.Erasure.search([*domain, ("state", "=", state)])
