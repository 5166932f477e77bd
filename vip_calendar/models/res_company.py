# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import split_every


class ResCompany(models.Model):
    _inherit = "res.company"

    vip_feb29_policy = fields.Selection(
        [("feb28", "28 February"), ("mar1", "1 March")],
        string="29 February in Other Years",
        default="feb28",
        required=True,
        help="When a key date falls on 29 February, the day it is celebrated in years that are not leap years.",
    )
    vip_sms_quiet_from = fields.Float(
        string="No SMS After", default=21.0, help="Quiet hours start, in the person's time zone."
    )
    vip_sms_quiet_to = fields.Float(
        string="No SMS Before", default=9.0, help="Quiet hours end, in the person's time zone."
    )
    vip_greet_defender_day = fields.Boolean(
        string="Defender of the Fatherland Day (23 February)",
        help="Male clients are congratulated on 23 February. Switched on or off, every client follows at once.",
    )
    vip_greet_womens_day = fields.Boolean(
        string="International Women's Day (8 March)",
        help="Female clients are congratulated on 8 March. Switched on or off, every client follows at once.",
    )
    vip_greet_jubilee = fields.Boolean(
        string="Round Birthdays",
        help="A client's round birthday (юбилей) is an occasion of its own that year: its own task title, "
        "greeting script and SMS, and the longer lead time of the Round Birthday occasion, instead of the "
        "ordinary birthday's.",
    )
    vip_jubilee_from = fields.Integer(
        string="Round Birthdays From", default=50, help="The first age that counts as a round birthday."
    )
    vip_jubilee_step = fields.Integer(
        string="Round Birthdays Every",
        default=5,
        help="Years between round birthdays: 50, 55, 60, 65, 70… with the defaults.",
    )

    @api.constrains("vip_jubilee_from", "vip_jubilee_step")
    def _check_vip_jubilee(self):
        for company in self:
            if company.vip_jubilee_from <= 0 or company.vip_jubilee_step <= 0:
                raise ValidationError(self.env._("Round birthdays start at a positive age and come every few years."))
            # a round age ends in 0 or 5: its Russian form agrees («60 лет»), and so does the custom
            if company.vip_jubilee_from % 5 or company.vip_jubilee_step % 5:
                raise ValidationError(
                    self.env._(
                        "Round birthdays are ages that end in 0 or 5: start at a multiple of 5 (not %(start)s) "
                        "and count in steps of 5 or 10 (not %(step)s).",
                        start=company.vip_jubilee_from,
                        step=company.vip_jubilee_step,
                    )
                )

    def write(self, vals):
        jubilee_fields = {"vip_greet_jubilee", "vip_jubilee_from", "vip_jubilee_step"} & set(vals)
        before = {company.id: company._vip_jubilee_policy() for company in self} if jubilee_fields else {}
        greetings = {
            gender
            for name, gender in (("vip_greet_defender_day", "male"), ("vip_greet_womens_day", "female"))
            if name in vals
        }
        res = super().write(vals)
        if greetings:
            # the bank's policy reaches every client of these companies at once, a batch at a time: the
            # dates come, or go with their pending tasks
            # sudo: key dates are derived data kept by the system
            Dossier = self.env["vip.dossier"].sudo().with_context(active_test=False)
            dossiers = Dossier.search([("company_id", "in", self.ids), ("gender", "in", list(greetings))])
            Dossier._sync_key_dates_in_batches(dossiers.ids)
        for company in self.filtered(lambda c: c.id in before):
            if before[company.id] != company._vip_jubilee_policy():
                company._vip_apply_jubilee_policy(before[company.id])
        return res

    def _vip_jubilee_policy(self):
        """(from, step) of round birthdays, or None when they are not celebrated."""
        self.ensure_one()
        return (self.vip_jubilee_from, self.vip_jubilee_step) if self.vip_greet_jubilee else None

    @staticmethod
    def _vip_is_round_age(policy, age):
        start, step = policy or (0, 0)
        return bool(policy) and age >= start and (age - start) % step == 0

    def _vip_is_jubilee(self, age):
        """Whether ``age`` is a round birthday under this company's policy."""
        self.ensure_one()
        return self._vip_is_round_age(self._vip_jubilee_policy(), age)

    def _vip_apply_jubilee_policy(self, old_policy, batch_size=1000):
        """Every client's birthday follows the new policy, a batch at a time: the occurrence that became
        (or stopped being) a round birthday loses its pending task, and the next run makes the right one;
        the day it is reminded follows the occasion's lead time."""
        self.ensure_one()
        # sudo: key dates of every client follow the bank's configuration, whoever may change it
        KeyDate = self.env["vip.key.date"].sudo().with_context(active_test=False)
        birthday = self.env.ref("vip_calendar.key_date_type_birthday", raise_if_not_found=False)
        if not birthday:
            return
        dates = KeyDate.search(
            [("dossier_id.company_id", "=", self.id), ("type_id", "=", birthday.id), ("relative_id", "=", False)]
        )
        new_policy = self._vip_jubilee_policy()
        for batch in split_every(batch_size, dates.ids):
            batch = KeyDate.browse(batch)
            changed = batch.reminder_ids.filtered(
                lambda r: (
                    r.pending
                    and self._vip_is_round_age(old_policy, r.key_date_id._age_on(r.occurrence_date))
                    != self._vip_is_round_age(new_policy, r.key_date_id._age_on(r.occurrence_date))
                )
            )
            changed._cancel()
            batch._compute_reminder_date()
            KeyDate.env.flush_all()
            KeyDate.env.invalidate_all()
