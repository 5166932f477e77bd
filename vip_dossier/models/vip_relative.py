# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

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
    is_deceased = fields.Boolean(
        string="Deceased",
        index=True,
        help="The relative has died: nobody is greeted for or about them any more, and the client's manager gets "
        "one condolence task. Unflagged (a mistake), their dates come back.",
    )
    death_date = fields.Date(string="Date of Death")

    @api.depends("consent_date", "consent_withdrawn_date", "contact_consent")
    def _compute_consent_state(self):
        """A relative may be contacted only if they also agreed to be contacted."""
        res = super()._compute_consent_state()
        for relative in self:
            relative.contact_allowed = relative.contact_allowed and relative.contact_consent
        return res

    @api.depends("name", "relation_type_id", "is_deceased")
    def _compute_display_name(self):
        for relative in self:
            name = f"† {relative.name}" if relative.is_deceased else relative.name
            if relative.relation_type_id:
                relative.display_name = f"{name} ({relative.relation_type_id.name})"
            else:
                relative.display_name = name

    @api.constrains("death_date", "birth_date")
    def _check_death_date(self):
        check_not_in_future(
            self,
            "death_date",
            lambda relative, date: self.env._(
                "The date of death of %(name)s (%(date)s) is in the future.", name=relative.name, date=date
            ),
        )
        for relative in self.filtered(lambda r: r.death_date and r.birth_date):
            if relative.death_date < relative.birth_date:
                raise ValidationError(
                    self.env._(
                        "The date of death of %(name)s (%(death)s) is before their birth date (%(birth)s).",
                        name=relative.name,
                        death=relative.death_date,
                        birth=relative.birth_date,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._deceased_values(vals)
        return super().create(vals_list)

    def write(self, vals):
        return super().write(self._deceased_values(dict(vals)))

    def _vip_retention_grounds(self):
        """Why the bank must keep these relatives whatever their consent says: {relative id: [reasons]}.

        A relative's data rests on their consent, so a withdrawal erases them (152-FZ art. 21 p. 5), unless
        a law obliges the bank to keep the record (art. 6 p. 1 (2)): a module that holds such a record (a
        gift is a tax record) names it here, translated, and the erasure keeps the relative archived with
        only what that record needs. Nothing here holds one: no grounds.
        """
        return {}

    @api.model
    def _deceased_values(self, vals):
        """A date of death says the relative died; unflagged (a mistake), the date goes too."""
        if vals.get("death_date") and "is_deceased" not in vals:
            vals["is_deceased"] = True
        if "is_deceased" in vals and not vals["is_deceased"]:
            vals["death_date"] = False
        return vals

    @api.constrains("contact_consent", "contact_consent_date")
    def _check_contact_consent(self):
        check_not_in_future(
            self,
            "contact_consent_date",
            lambda _relative, date: self.env._(
                "The agreement to be contacted cannot be dated in the future (%(date)s).", date=date
            ),
        )
