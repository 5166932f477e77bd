# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.vip_dossier.models.vip_input_mixin import NAME_SIZE

from ..models.vip_erasure import check_withdrawal_date


class VipConsentWithdrawalWizard(models.TransientModel):
    """Record that the client or a relative withdrew the consent: the date and the document.

    Everything is written with the user's own rights: the consent of a person
    only who may change the client records (its managers, a VIP administrator),
    which opens the erasure case and its task.
    """

    _name = "vip.consent.withdrawal.wizard"
    _inherit = ["vip.input.mixin"]
    _description = "VIP Consent Withdrawal"

    dossier_id = fields.Many2one("vip.dossier", string="Client", required=True, readonly=True, ondelete="cascade")
    relative_id = fields.Many2one(
        "vip.relative",
        readonly=True,
        ondelete="cascade",
        domain="[('dossier_id', '=', dossier_id)]",
        help="Empty: the client's own consent.",
    )
    withdrawal_date = fields.Date(string="Consent Withdrawn On", required=True, default=fields.Date.context_today)
    document = fields.Char(
        string="Withdrawal Document",
        required=True,
        size=NAME_SIZE,
        help="The person's statement withdrawing the consent: its number, date, how it came in.",
    )

    @api.constrains("dossier_id", "relative_id")
    def _check_person(self):
        for wizard in self:
            if wizard.relative_id and wizard.relative_id.dossier_id != wizard.dossier_id:
                raise ValidationError(self.env._("The relative must be of the client."))

    @api.constrains("withdrawal_date")
    def _check_withdrawal_date(self):
        check_withdrawal_date(self)

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        for wizard in wizards:
            wizard._person().check_access("write")
        return wizards

    @api.model
    def _action_for(self, person):
        """The wizard for ``person`` (a client or a relative) whose consent the user may change."""
        person.check_access("write")
        is_client = person._name == "vip.dossier"
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Consent Withdrawn"),
            "res_model": self._name,
            "view_mode": "form",
            "views": [[False, "form"]],
            "target": "new",
            "context": {
                "default_dossier_id": person.id if is_client else person.dossier_id.id,
                "default_relative_id": False if is_client else person.id,
            },
        }

    def _person(self):
        self.ensure_one()
        return self.relative_id or self.dossier_id

    def action_confirm(self):
        """Withdraw the consent (the user's own rights), then file the document on the case it opened."""
        self.ensure_one()
        person = self._person()
        if person.consent_state != "given":
            raise UserError(self.env._("Only a consent that was given can be withdrawn."))
        person.write({"consent_withdrawn_date": self.withdrawal_date})
        domain = [("dossier_id", "=", self.dossier_id.id), ("state", "=", "due")]
        domain.append(("relative_id", "=", self.relative_id.id) if self.relative_id else ("person_kind", "=", "client"))
        case = self.env["vip.erasure"].search(domain, limit=1)
        if not case:
            return {"type": "ir.actions.act_window_close"}
        case.write({"document": self.document})
        return {
            "type": "ir.actions.act_window",
            "res_model": "vip.erasure",
            "res_id": case.id,
            "view_mode": "form",
            "views": [[False, "form"]],
            "target": "current",
        }
