# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The SMS policy of the key dates, in one place: whether a date is greeted by SMS or by a call, to
which number, with what text, and when the SMS goes (on the day itself, outside the person's quiet
hours). The fields it reads stay with what they describe: the person's opt-in (dossier, relative),
the occasion's permission and text (key-date type), the quiet hours (company)."""

from odoo import api, fields, models
from odoo.tools import SQL


def format_sms(text, person):
    """An SMS text of an occasion for ``person``: ``{greeting}`` is the gendered form of address in the
    context's language («Уважаемая Анна Сергеевна»), ``{name}`` the formal address alone (the texts written
    before ``{greeting}`` existed keep working)."""
    return (
        (text or "")
        .replace("{greeting}", person.honorific or "")
        .replace("{name}", person.formal_address or person.name or "")
    )


class VipKeyDate(models.Model):
    _inherit = "vip.key.date"  # pylint: disable=consider-merging-classes-inherited

    def _sms_allowed(self):
        """The service standard's SMS policy: greet by SMS, or else call.

        An SMS goes only when the date's channel is SMS, the occasion allows it,
        the person opted in, may be contacted and has a mobile number.
        """
        self.ensure_one()
        person = self.relative_id or self.dossier_id
        occasion = self._occasion_type()
        return bool(
            self.channel == "sms"
            and occasion.sms_allowed
            and occasion.sms_text
            and person.sms_opt_in
            and self._may_contact()
            and self._sms_number()
        )

    def _sms_number(self):
        self.ensure_one()
        if self.relative_id:
            return self.relative_id.phone
        return self.dossier_id.mobile or self.dossier_id.phone


class VipKeyDateReminder(models.Model):
    _inherit = "vip.key.date.reminder"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _queue_due_sms(self, limit=500):
        """Queue the SMS greetings whose day has come where the person is, outside quiet hours.

        The rows are locked (SKIP LOCKED): two workers never queue the same greeting.
        """
        rows = self.env.execute_query(
            SQL(
                """
                SELECT id FROM vip_key_date_reminder
                 WHERE sms_planned AND sms_id IS NULL AND state = 'open'
                   AND occurrence_date <= (now() at time zone 'UTC')::date + 1
                 ORDER BY id LIMIT %s FOR UPDATE SKIP LOCKED
                """,
                limit,
            )
        )
        company = self.env.company
        queued, sms_vals, days = self.browse(), [], []
        for reminder in self.browse(row[0] for row in rows):
            key_date = reminder.key_date_id
            tz = reminder.dossier_id.tz or reminder.user_id.tz or "UTC"
            now = fields.Datetime.context_timestamp(self.with_context(tz=tz), fields.Datetime.now())
            hour = now.hour + now.minute / 60
            quiet = hour >= company.vip_sms_quiet_from or hour < company.vip_sms_quiet_to
            if now.date() < reminder.occurrence_date or quiet:
                continue
            lang = reminder.dossier_id.partner_id.lang
            occasion = key_date._occasion_type(reminder.occurrence_date).with_context(lang=lang)
            body = format_sms(occasion.sms_text, (key_date.relative_id or key_date.dossier_id).with_context(lang=lang))
            sms_vals.append(
                {
                    "number": key_date._sms_number(),
                    "body": body,
                    "partner_id": reminder.dossier_id.partner_id.id if not key_date.relative_id else False,
                }
            )
            days.append(now.date())
            queued |= reminder
        # one create for the batch; each reminder keeps its own SMS and day
        for reminder, sms, day in zip(queued, self.env["sms.sms"].create(sms_vals), days, strict=True):
            reminder.write({"sms_id": sms.id, "done_date": day, "outcome": "done"})
        return queued
