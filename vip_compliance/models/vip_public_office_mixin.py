# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from odoo.addons.vip_dossier.models.vip_input_mixin import NAME_SIZE, check_not_in_future

# what a gift to the person follows
OFFICE_FIELDS = frozenset({"pep_kind", "is_civil_servant"})
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
        res = super().write(vals)
        if not OFFICE_FIELDS.isdisjoint(vals):
            self._vip_office_changed()
        return res

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
