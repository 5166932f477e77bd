# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.vip_dossier.models.vip_input_mixin import NAME_SIZE

# a promise to a client further than a quarter of working days ahead is no promise
MAX_RESPONSE_DAYS = 60


class VipRequestArea(models.Model):
    """An area of expertise a client's question is routed to (tax, lending, investments, legal, cards).

    The bank's catalog, kept by VIP administrators: who answers by default and
    how many working days the desk promises the client.
    """

    _name = "vip.request.area"
    _description = "VIP Request Expertise Area"
    _inherit = ["vip.input.mixin"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True, size=NAME_SIZE)
    sequence = fields.Integer(default=10)
    expert_id = fields.Many2one(
        "res.users",
        string="Default Expert",
        domain=[("share", "=", False)],
        ondelete="set null",
        help="The bank employee a new request of this area is sent to, unless the manager picks another.",
    )
    response_days = fields.Integer(
        string="Response Time (Working Days)",
        default=3,
        required=True,
        help="The answer is promised to the client this many working days (Monday to Friday) after the "
        "question was received.",
    )
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_uniq", "unique(name)", "An expertise area with this name already exists."),
    ]

    @api.constrains("response_days")
    def _check_response_days(self):
        for area in self:
            if not 1 <= area.response_days <= MAX_RESPONSE_DAYS:
                raise ValidationError(
                    self.env._(
                        "An expert answers within 1 to %(max)s working days, not %(days)s.",
                        max=MAX_RESPONSE_DAYS,
                        days=area.response_days,
                    )
                )

    @api.constrains("expert_id")
    def _check_expert(self):
        for area in self:
            if area.expert_id.share:
                raise ValidationError(self.env._("An expert is a bank employee, not a portal or public user."))
