# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError

MANUAL = "manual"


class VipImportedLineMixin(models.AbstractModel):
    """Operations and income lines: what the core banking system sent is the import's alone.

    A line's ``(source, external_ref)`` is unique: it makes a reload of the
    same file change nothing. A manager who could book a line by hand under
    the core system's source would take a reference the next import needs
    (that import then rejects another client's income as a duplicate), and
    learn from the refusal which references exist. By hand, a line's source
    is "manual"; the source and reference of an imported line stay as loaded.
    """

    _name = "vip.imported.line.mixin"
    _description = "VIP Line Loaded from Another System"

    @api.model_create_multi
    def create(self, vals_list):
        # defaults included: a source given by the context or saved as a default is a source (round 21)
        if not self.env.su and any(
            (vals.get("source") or MANUAL) != MANUAL for vals in self._vip_creation_values(vals_list)
        ):
            self._vip_refuse_source()
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and {"source", "external_ref"} & set(vals):
            # who may not change these lines learns nothing of them (round 22: whether a line was imported)
            self.check_access("write")
        if (
            not self.env.su
            and {"source", "external_ref"} & set(vals)
            and (vals.get("source", MANUAL) != MANUAL or any(line.source != MANUAL for line in self.sudo()))
        ):
            self._vip_refuse_source()
        return super().write(vals)

    def _vip_refuse_source(self):
        raise AccessError(
            self.env._(
                "Lines from another system are loaded by the import only: a line entered by hand has the "
                'source "manual", and an imported line keeps its source and reference.'
            )
        )
