# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class VipOperation(models.Model):
    _inherit = "vip.operation"

    import_id = fields.Many2one(
        "vip.import",
        string="Imported By",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
        copy=False,
        groups="vip_import.group_vip_import,vip_dossier.group_vip_supervisor",
    )
