# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from odoo.addons.base.models.res_partner import _tz_get

# dossier fields the automatic key dates are made from
SYNC_FIELDS = {"birth_date", "wedding_date", "client_since", "employer_id", "active"}


class VipDossier(models.Model):
    _inherit = "vip.dossier"

    wedding_date = fields.Date(tracking=True)
    sms_opt_in = fields.Boolean(string="Agrees to SMS Greetings", tracking=True)
    tz = fields.Selection(
        _tz_get, string="Time Zone", help="The client's time zone: SMS never arrive in the client's quiet hours."
    )
    key_date_ids = fields.One2many("vip.key.date", "dossier_id")
    reminder_ids = fields.One2many("vip.key.date.reminder", "dossier_id", string="Congratulations")
    next_key_date = fields.Date(compute="_compute_next_key_date")
    next_key_date_name = fields.Char(compute="_compute_next_key_date", string="Next Occasion")

    def _compute_next_key_date(self):
        rows = self.env["vip.key.date"]._read_group(
            [("dossier_id", "in", self.ids), ("next_date", "!=", False)], ["dossier_id"], ["next_date:min"]
        )
        first = dict(rows)
        names = {}
        if first:
            for key_date in self.env["vip.key.date"].search(
                [("dossier_id", "in", [d.id for d in first]), ("next_date", "in", list(set(first.values())))]
            ):
                if first.get(key_date.dossier_id) == key_date.next_date:
                    names.setdefault(key_date.dossier_id.id, f"{key_date.name} — {key_date.person_name}")
        for dossier in self:
            dossier.next_key_date = first.get(dossier._origin, False)
            dossier.next_key_date_name = names.get(dossier._origin.id, False)

    @api.model_create_multi
    def create(self, vals_list):
        dossiers = super().create(vals_list)
        dossiers._sync_key_dates()
        return dossiers

    def write(self, vals):
        res = super().write(vals)
        if SYNC_FIELDS & set(vals):
            self._sync_key_dates()
        return res

    def unlink(self):
        # through the ORM, so that pending tasks and events go too
        self.key_date_ids.unlink()
        return super().unlink()

    def _sync_key_dates(self):
        """Keep the automatic key dates equal to what the dossiers say, in one pass.

        sudo: key dates are derived data kept by the system; whoever changes a
        birth date or an employer's founding date (possibly without VIP rights,
        on the company's card) must see the reminders follow.
        """
        KeyDate = self.env["vip.key.date"].sudo().with_context(active_test=False)
        dossiers = self.sudo().with_context(active_test=False).exists()
        if not dossiers:
            return
        types = {t.code: t for t in self.env["vip.key.date.type"].sudo().search([])}
        industries = dossiers.employer_id.industry_id
        holidays = (
            self.env["vip.professional.holiday"].sudo().search([("industry_ids", "in", industries.ids)])
            if industries
            else self.env["vip.professional.holiday"]
        )
        desired = {}

        def want(dossier, code, base_date=False, relative=None, holiday=None, trusted=None):
            key_type = types.get(code)
            if not key_type or not (base_date or holiday):
                return
            key = (
                dossier.id,
                key_type.id,
                relative.id if relative else False,
                holiday.id if holiday else False,
                trusted.id if trusted else False,
            )
            desired[key] = base_date

        for dossier in dossiers.filtered("active"):
            want(dossier, "birthday", dossier.birth_date)
            want(dossier, "wedding", dossier.wedding_date)
            want(dossier, "client_anniversary", dossier.client_since)
            want(dossier, "employer_anniversary", dossier.employer_id.founding_date)
            for relative in dossier.relative_ids.filtered("birth_date"):
                want(dossier, "relative_birthday", relative.birth_date, relative=relative)
            for trusted in dossier.trusted_person_ids.filtered("valid_to"):
                want(dossier, "poa_expiry", trusted.valid_to, trusted=trusted)
            industry = dossier.employer_id.industry_id
            for holiday in holidays.filtered(lambda h, i=industry: i and i in h.industry_ids):
                want(dossier, "professional_holiday", holiday=holiday)

        existing = KeyDate.search([("dossier_id", "in", dossiers.ids), ("source", "=", "auto")])
        obsolete = KeyDate.browse()
        for key_date in existing:
            key = (
                key_date.dossier_id.id,
                key_date.type_id.id,
                key_date.relative_id.id,
                key_date.holiday_id.id,
                key_date.trusted_person_id.id,
            )
            if key not in desired:
                obsolete |= key_date
                continue
            base_date = desired.pop(key)
            if key_date.base_date != base_date:
                key_date.base_date = base_date
        obsolete.unlink()
        KeyDate.create(
            [
                {
                    "dossier_id": dossier_id,
                    "type_id": type_id,
                    "relative_id": relative_id,
                    "holiday_id": holiday_id,
                    "trusted_person_id": trusted_id,
                    "base_date": base_date,
                    "source": "auto",
                }
                for (dossier_id, type_id, relative_id, holiday_id, trusted_id), base_date in desired.items()
            ]
        )
