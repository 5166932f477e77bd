# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import ValidationError


class VipRelativeLineMixin(models.AbstractModel):
    """A record of a client's dossier that may concern one of the client's relatives.

    Preferences, interactions and key dates name a relative: it must be a
    relative of that very client, whoever edits the record.
    """

    _name = "vip.relative.line.mixin"
    _description = "VIP Record About a Client or a Relative"

    @api.constrains("relative_id", "dossier_id")
    def _check_relative_dossier(self):
        for record in self.filtered("relative_id"):
            if record.relative_id.dossier_id != record.dossier_id:
                raise ValidationError(
                    self.env._(
                        "%(relative)s is not a relative of %(client)s.",
                        relative=record.relative_id.name,
                        client=record.dossier_id.name,
                    )
                )
