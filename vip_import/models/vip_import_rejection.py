# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class VipImportRejection(models.Model):
    """A row an import did not load, and why: nothing is dropped silently."""

    _name = "vip.import.rejection"
    _description = "VIP Import: Rejected Row"
    _inherit = ["vip.input.mixin"]
    _order = "import_id desc, row"
    _rec_name = "external_ref"

    import_id = fields.Many2one("vip.import", required=True, ondelete="cascade", index=True, readonly=True)
    row = fields.Integer(readonly=True, help="Line in the file (the header is line 1), or position in a JSON-RPC call.")
    external_ref = fields.Char(string="External Reference", readonly=True)
    client_ref = fields.Char(string="Client ID", readonly=True)
    reason = fields.Selection(
        [
            ("unknown_client", "Unknown client"),
            ("bad_date", "Bad date"),
            ("bad_amount", "Bad amount"),
            ("bad_value", "Bad value"),
            ("missing", "Missing value"),
            ("duplicate", "Duplicate"),
        ],
        required=True,
        readonly=True,
        index=True,
    )
    message = fields.Char(readonly=True)
    raw = fields.Text(string="Row as Received", readonly=True)
