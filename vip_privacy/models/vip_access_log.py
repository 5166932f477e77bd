# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class VipAccessLog(models.Model):
    _inherit = "vip.access.log"

    event = fields.Selection(selection_add=[("erasure", "Personal data erased")], ondelete={"erasure": "set default"})
