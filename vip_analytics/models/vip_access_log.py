# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class VipAccessLog(models.Model):
    _inherit = "vip.access.log"

    # a workbook is a copy of the dossier that outlives any grant: logged like an opening
    event = fields.Selection(selection_add=[("export", "Exported")], ondelete={"export": "cascade"})
