# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.addons.vip_security.tests.common import VipSecurityCase


class VipGiftCase(VipSecurityCase):
    """Both managers' clients, each with a spouse; the first client's spouse is a civil servant."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.write({"vip_gift_civil_servant_limit": 3000, "vip_gift_tax_free_limit": 4000})
        # the demo's budgets and gifts are not this story's
        cls.env["vip.gift.budget"].search([]).unlink()
        cls.env["vip.gift"].search([]).sudo().unlink()
        cls.Gift = cls.env["vip.gift"]
        cls.relative = cls.records["vip.relative"]
        cls.other_relative = cls.other_records["vip.relative"]
        cls.relative.write({"is_civil_servant": True, "public_position": "Head of a ministry department"})

    def gift(self, amount, user=None, day=date(2026, 6, 1), relative=None, dossier=None, **values):
        """A draft gift registered by ``user`` (the client's manager by default)."""
        Gift = self.Gift.with_user(user or self.manager)
        return Gift.create(
            {
                "dossier_id": (dossier or self.dossier).id,
                "relative_id": relative.id if relative else False,
                "name": "Tea set",
                "amount": amount,
                "date": day,
                **values,
            }
        )

    def given(self, amount, **kwargs):
        gift = self.gift(amount, **kwargs)
        gift.action_mark_given()
        return gift

    def decision_wizard(self, user, gifts, **values):
        """The decision as top management opens it from the gifts (the form's Approve / Refuse)."""
        action = gifts.with_user(user).action_open_decision()
        return self.env[action["res_model"]].with_user(user).with_context(**action["context"]).create(values)
