# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .vip_input_mixin import check_not_in_future


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
        check_not_in_future(
            self,
            "founding_date",
            lambda partner, date: self.env._(
                "The founding date of %(name)s (%(date)s) is in the future.", name=partner.display_name, date=date
            ),
        )
