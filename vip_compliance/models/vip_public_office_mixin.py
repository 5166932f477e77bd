# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.vip_dossier.models.vip_input_mixin import NAME_SIZE, check_not_in_future

# what a gift to the person follows
OFFICE_FIELDS = frozenset({"pep_kind", "is_civil_servant"})
# gifts still to be decided or handed over: their approval follows the recipient's office
OPEN_GIFT_STATES = ("draft", "to_approve", "approved")
ADMIN_GROUP = "vip_dossier.group_vip_admin"
PEP_KINDS = [
    ("none", "Not a PEP"),
    ("foreign", "Foreign PEP"),
    ("russian", "Russian PEP"),
    ("international", "International Organisation Official"),
]


class VipPublicOfficeMixin(models.AbstractModel):
    """A person's public office, as the bank must know it (115-FZ art. 7.3).

    The client and each relative carry it: a gift goes to either, and a gift to a
    state or municipal employee is limited by the Civil Code (art. 575).
    """

    _name = "vip.public.office.mixin"
    _description = "VIP Person: Public Office"

    pep_kind = fields.Selection(
        PEP_KINDS,
        string="PEP",
        required=True,
        default="none",
        help="Politically exposed person (115-FZ art. 7.3): a foreign or Russian public official, or an official "
        "of a public international organisation. Business with them needs enhanced due diligence.",
    )
    is_civil_servant = fields.Boolean(
        string="Civil Servant",
        help="A state or municipal employee: gifts in connection with the position are limited to ordinary gifts "
        "up to the company's limit (Civil Code art. 575).",
    )
    public_position = fields.Char(size=NAME_SIZE, help="The office that makes the person a PEP or a civil servant.")
    public_office_checked_date = fields.Date(
        string="Public Office Checked On", help="When the bank last checked the person's public office."
    )

    @api.constrains("public_office_checked_date")
    def _check_public_office_checked_date(self):
        check_not_in_future(
            self,
            "public_office_checked_date",
            lambda _person, date: self.env._(
                "The public office cannot be checked in the future (%(date)s).", date=date
            ),
        )

    def write(self, vals):
        lowered = self._vip_office_lowered(vals)
        if lowered and not (self.env.su or self.env.user.has_group(ADMIN_GROUP)):
            # sudo: whether these very persons have gifts in the making, nothing is returned
            pending = (
                self.env["vip.gift"]
                .sudo()
                .search_count([*lowered._vip_gifts_received_domain(), ("state", "in", OPEN_GIFT_STATES)])
            )
            if pending:
                # round 20: a manager cleared a relative's civil-servant flag, and the gift above the limit
                # was handed over without top management's approval
                raise UserError(
                    self.env._(
                        "A gift to this person is in the making: their public office is cleared by a VIP "
                        "administrator only, so that no approval is skipped."
                    )
                )
        before = {person.id: person._vip_office_text() for person in self} if not OFFICE_FIELDS.isdisjoint(vals) else {}
        res = super().write(vals)
        if not OFFICE_FIELDS.isdisjoint(vals):
            self._vip_office_changed()
            self._vip_trace_office_change(before)
        return res

    def _vip_office_lowered(self, vals):
        """The persons of ``self`` whose public office ``vals`` clears or lowers."""
        if OFFICE_FIELDS.isdisjoint(vals):
            return self.browse()
        return self.filtered(
            lambda person: (
                (person.is_civil_servant and "is_civil_servant" in vals and not vals["is_civil_servant"])
                or (person.pep_kind not in (False, "none") and vals.get("pep_kind", person.pep_kind) in (False, "none"))
            )
        )

    def _vip_office_text(self):
        self.ensure_one()
        kinds = dict(self._fields["pep_kind"]._description_selection(self.env))
        parts = [kinds.get(self.pep_kind, "")]
        if self.is_civil_servant:
            parts.append(self.env._("civil servant"))
        return ", ".join(part for part in parts if part)

    def _vip_trace_office_change(self, before):
        """Who changed a relative's public office, and from what: a note on the client, since a relative
        has no history of its own (the client's own flags are tracked on the dossier)."""
        if "dossier_id" not in self._fields:
            return
        for person in self:
            new = person._vip_office_text()
            if before.get(person.id) != new:
                person.dossier_id.message_post(
                    body=Markup("<p>%s</p>")
                    % self.env._(
                        "Public office of %(person)s: %(old)s → %(new)s.",
                        person=person.name,
                        old=before.get(person.id) or "—",
                        new=new or "—",
                    ),
                    subtype_xmlid="mail.mt_note",
                )

    def _vip_office_changed(self):
        """The gifts to these persons follow their office: whether one is to a civil servant above the limit.

        Gifts do not depend on the person's fields through ``@api.depends``: a registry rebuilt with the
        dossier's module alone (a test's fake model) would not know them.
        """
        # sudo: the gifts to these very persons, whose office the user just changed; nothing is returned
        gifts = self.env["vip.gift"].sudo().search(self._vip_gifts_received_domain())
        for fname in ("recipient_pep_kind", "recipient_civil_servant", "approval_required"):
            self.env.add_to_compute(gifts._fields[fname], gifts)

    def _vip_gifts_received_domain(self):
        raise NotImplementedError()
