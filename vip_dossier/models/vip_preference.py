# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .vip_input_mixin import check_not_in_future


class VipPreference(models.Model):
    """One preference of the client or of a relative, as a structured fact."""

    _name = "vip.preference"
    _inherit = ["vip.input.mixin", "vip.relative.line.mixin"]
    _description = "VIP Preference"
    _order = "dossier_id, relative_id, category_sequence, id"
    _rec_name = "value"

    dossier_id = fields.Many2one(
        "vip.dossier",
        string="Client",
        required=True,
        ondelete="cascade",
        index=True,
        compute="_compute_dossier_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    relative_id = fields.Many2one(
        "vip.relative",
        ondelete="cascade",
        index="btree_not_null",
        domain="[('dossier_id', '=', dossier_id)]",
        help="Leave empty for a preference of the client.",
    )
    person_name = fields.Char(string="Whose", compute="_compute_person_name")
    category_id = fields.Many2one("vip.preference.category", required=True, ondelete="restrict")
    category_sequence = fields.Integer(related="category_id.sequence", store=True)
    value = fields.Char(string="Preference", required=True)
    source = fields.Selection(
        [
            ("client", "Said by the client"),
            ("relative", "Said by a relative"),
            ("observed", "Observed by the manager"),
            ("other", "Other"),
        ],
        default="client",
    )
    date_noted = fields.Date(default=fields.Date.context_today, string="Noted On")
    note = fields.Text()

    @api.depends("relative_id")
    def _compute_dossier_id(self):
        for preference in self.filtered("relative_id"):
            preference.dossier_id = preference.relative_id.dossier_id

    @api.depends("relative_id", "dossier_id")
    def _compute_person_name(self):
        for preference in self:
            preference.person_name = (preference.relative_id or preference.dossier_id).name

    @api.constrains("value")
    def _check_value(self):
        for preference in self:
            if not (preference.value or "").strip():
                raise ValidationError(self.env._("A preference needs a value."))

    @api.constrains("date_noted")
    def _check_date_noted(self):
        check_not_in_future(
            self,
            "date_noted",
            lambda _preference, date: self.env._("A preference cannot be noted in the future (%(date)s).", date=date),
        )
