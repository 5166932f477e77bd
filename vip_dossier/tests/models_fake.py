# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class VipFakePerson(models.Model):
    """A bare model using both mixins, to test them apart from the dossier."""

    _name = "vip.fake.person"
    _description = "VIP Fake Person"
    _inherit = ["vip.person.mixin", "vip.consent.mixin"]

    note = fields.Char()
