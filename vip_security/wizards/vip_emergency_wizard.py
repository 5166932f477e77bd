# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import format_datetime

MIN_REASON_LENGTH = 15
MIN_REASON_WORDS = 3


class VipEmergencyWizard(models.TransientModel):
    """Break-glass: open one client one is not assigned to, with a reason."""

    _name = "vip.emergency.wizard"
    _description = "VIP Emergency Access"

    client_ref = fields.Char(
        string="Client ID", required=True, help="The client's exact ID in the core banking system."
    )
    reason = fields.Text(required=True, help="Why the client must be opened now; supervisors read it.")
    hours = fields.Selection(
        [("1", "1 hour"), ("4", "4 hours"), ("8", "8 hours")], string="For", required=True, default="1"
    )

    def action_open(self):
        self.ensure_one()
        reason = (self.reason or "").strip()
        # a sentence: letters, in words (fifteen dots are no reason)
        words = [word for word in reason.split() if any(char.isalpha() for char in word)]
        if sum(char.isalpha() for char in reason) < MIN_REASON_LENGTH or len(words) < MIN_REASON_WORDS:
            raise UserError(
                self.env._(
                    "Give the reason in a full sentence: at least %(count)s letters and %(words)s words.",
                    count=MIN_REASON_LENGTH,
                    words=MIN_REASON_WORDS,
                )
            )
        # sudo: the user cannot see the client yet. Only an exact client ID is
        # matched (no browsing), and the access is logged and reported below.
        dossier = self.env["vip.dossier"].sudo().search([("client_ref", "=", (self.client_ref or "").strip())], limit=1)
        if not dossier:
            raise UserError(self.env._("No client has the ID %(ref)s.", ref=self.client_ref))
        now = fields.Datetime.now()
        until = now + timedelta(hours=int(self.hours))
        tz = self.env.user.tz or self.env.company.partner_id.tz or "UTC"
        # sudo: grants are created by this wizard only (no create right on the model)
        self.env["vip.access.grant"].sudo().create(
            {"user_id": self.env.uid, "dossier_id": dossier.id, "reason": reason, "date_start": now, "date_end": until}
        )
        self.env["vip.access.log"]._log(dossier, event="emergency", note=reason[:200])
        # top management, and the heads of the client's branch: whoever supervises this client
        supervisors = (
            self.env.ref("vip_dossier.group_vip_supervisor")
            .users.filtered("active")
            .filtered(lambda user: dossier.with_user(user).has_access("read"))
        )
        body = Markup("<p>%s</p><p>%s</p>") % (
            self.env._(
                "Emergency access to this client by %(user)s until %(until)s (%(tz)s).",
                user=self.env.user.name,
                # the requester's own clock, as they and their supervisors read it, not UTC
                until=format_datetime(self.env, until, tz=tz, dt_format="short"),
                tz=tz,
            ),
            reason,
        )
        # sudo: the user may not post on the client; the note tells supervisors
        dossier.sudo().message_post(
            body=body,
            message_type="notification",
            subtype_xmlid="mail.mt_note",
            partner_ids=supervisors.partner_id.ids,
            author_id=self.env.user.partner_id.id,
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "vip.dossier",
            "res_id": dossier.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }
