# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .vip_consent_mixin import CONSENT_SOURCES
from .vip_dossier import CHANNELS
from .vip_input_mixin import check_not_in_future


class VipRelative(models.Model):
    """A relative or family member of a VIP client.

    Relatives are not bank clients and must not appear in the Contacts app
    for every employee: they are their own model, reachable only through the
    dossier they belong to.
    """

    _name = "vip.relative"
    _description = "VIP Client Relative"
    _inherit = ["vip.input.mixin", "vip.person.mixin", "vip.consent.mixin"]
    _order = "dossier_id, relation_sequence, birth_date, id"

    dossier_id = fields.Many2one("vip.dossier", string="Client", required=True, ondelete="cascade", index=True)
    relation_type_id = fields.Many2one("vip.relation.type", string="Relation", required=True, ondelete="restrict")
    relation_sequence = fields.Integer(related="relation_type_id.sequence", store=True)
    user_id = fields.Many2one(related="dossier_id.user_id", string="Manager")
    phone = fields.Char()
    email = fields.Char()
    preference_ids = fields.One2many("vip.preference", "relative_id", string="Preferences")
    contact_consent = fields.Boolean(
        string="Agrees to Be Contacted",
        help="The relative agreed to be contacted by the bank (e.g. greetings).",
    )
    contact_consent_channel = fields.Selection(CHANNELS, string="Contact Channel")
    contact_consent_date = fields.Date(string="Contact Agreed On")
    contact_consent_source = fields.Selection(CONSENT_SOURCES, string="Contact Agreed Through")
    notes = fields.Text()
    active = fields.Boolean(default=True)

    @api.depends("consent_date", "consent_withdrawn_date", "contact_consent")
    def _compute_consent_state(self):
        """A relative may be contacted only if they also agreed to be contacted."""
        res = super()._compute_consent_state()
        for relative in self:
            relative.contact_allowed = relative.contact_allowed and relative.contact_consent
        return res

    @api.depends("name", "relation_type_id")
    def _compute_display_name(self):
        for relative in self:
            if relative.relation_type_id:
                relative.display_name = f"{relative.name} ({relative.relation_type_id.name})"
            else:
                relative.display_name = relative.name

    @api.constrains("contact_consent", "contact_consent_date")
    def _check_contact_consent(self):
        check_not_in_future(
            self,
            "contact_consent_date",
            lambda _relative, date: self.env._(
                "The agreement to be contacted cannot be dated in the future (%(date)s).", date=date
            ),
        )
