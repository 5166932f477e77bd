# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class VipDossier(models.Model):
    _inherit = "vip.dossier"

    erasure_ids = fields.One2many("vip.erasure", "dossier_id", string="Erasures")
    erasure_due_count = fields.Integer(string="Erasures Due", compute="_compute_erasure_due")
    erasure_deadline = fields.Date(string="Erase By", compute="_compute_erasure_due")

    def _compute_erasure_due(self):
        due = self.env["vip.erasure"].search([("dossier_id", "in", self.ids), ("state", "=", "due")])
        for dossier in self:
            cases = due.filtered(lambda case, dossier=dossier: case.dossier_id == dossier)
            dossier.erasure_due_count = len(cases)
            dossier.erasure_deadline = min(cases.mapped("deadline"), default=False)

    @api.model_create_multi
    def create(self, vals_list):
        dossiers = super().create(vals_list)
        self.env["vip.erasure"]._follow_consent(dossiers.filtered("consent_withdrawn_date"))
        return dossiers

    def write(self, vals):
        res = super().write(vals)
        if "consent_withdrawn_date" in vals:
            self.env["vip.erasure"]._follow_consent(self)
            if not vals["consent_withdrawn_date"]:
                # consent given again: the greeting dates an erasure took come back from the dossier
                self._sync_key_dates()
        return res

    def action_withdraw_consent(self):
        """Ask the date and the document of the client's withdrawal."""
        self.ensure_one()
        return self.env["vip.consent.withdrawal.wizard"]._action_for(self)

    def action_open_erasures(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("vip_privacy.vip_erasure_action")
        action["domain"] = [("dossier_id", "=", self.id)]
        action["context"] = {}
        return action

    def _sync_key_dates(self):
        """A client whose data was erased after withdrawing the consent gets no greeting dates back from
        the dossier (the birth date is kept as identification): while that consent stays withdrawn."""
        res = super()._sync_key_dates()
        # sudo: the system's derived dates of these clients, as the synchronisation itself
        erased = (
            self.env["vip.erasure"]
            .sudo()
            .search([("dossier_id", "in", self.ids), ("person_kind", "=", "client"), ("state", "=", "done")])
            .filtered(lambda case: case.withdrawal_date == case.dossier_id.consent_withdrawn_date)
        )
        if erased:
            self.env["vip.key.date"].sudo().with_context(active_test=False).search(
                [
                    ("dossier_id", "in", erased.dossier_id.ids),
                    ("relative_id", "=", False),
                    ("trusted_person_id", "=", False),
                    ("type_id.is_greeting", "=", True),
                ]
            ).unlink()
        return res
