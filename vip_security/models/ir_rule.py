# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from .base import CARD_DETAILS, is_protected_model


class IrRule(models.Model):
    """A refusal names nothing it refuses.

    In debug mode (which any user may switch on for their own session), Odoo's
    access error lists the refused records by name, read as the system: a VIP
    client's name, a relative's, a task's summary. For the records of a VIP
    model, contacts (a client's card), and the rows that point at a record or
    show a contact's data, it lists none: the model and the rules only.
    """

    _inherit = "ir.rule"

    def _make_access_error(self, operation, records):
        if records._vip_names_confidential():
            records = records.browse()
        return super()._make_access_error(operation, records)


class Base(models.AbstractModel):
    _inherit = "base"  # pylint: disable=consider-merging-classes-inherited

    def _vip_names_confidential(self):
        """Whether a record of this model may show a client's data in its name."""
        return bool(
            is_protected_model(self._name)
            or self._name in CARD_DETAILS
            or self._vip_pointer_specs()
            or self._vip_detail_fields()
        )
