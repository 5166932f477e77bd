# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResPartner(models.Model):
    """Company facts the VIP desk needs about a client's employer.

    Only public company facts live here: ``res.partner`` is readable by every
    employee, so nothing that reveals who is a VIP client may be added to it.
    """

    _inherit = "res.partner"

    founding_date = fields.Date(
        help="The company's founding date; its anniversary is a reason to call the employees who are clients.",
    )

    @api.constrains("founding_date")
    def _check_founding_date(self):
        today = fields.Date.context_today(self)
        for partner in self.filtered("founding_date"):
            if partner.founding_date > today:
                raise ValidationError(
                    self.env._(
                        "The founding date of %(name)s (%(date)s) is in the future.",
                        name=partner.display_name,
                        date=partner.founding_date,
                    )
                )
