# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.tools import SQL


class VipOperation(models.Model):
    _inherit = "vip.operation"

    def init(self):
        res = super().init()
        # exports page through operations newest first, by (date, id): with
        # this index each page costs the same, however far into a million rows
        self.env.cr.execute(
            SQL("CREATE INDEX IF NOT EXISTS vip_operation_date_id_desc_idx ON vip_operation (date DESC, id DESC)")
        )
        return res
