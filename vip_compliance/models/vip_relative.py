# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class VipRelative(models.Model):
    _name = "vip.relative"
    _inherit = ["vip.relative", "vip.public.office.mixin"]

    def _vip_gifts_received_domain(self):
        return [("relative_id", "in", self.ids)]
