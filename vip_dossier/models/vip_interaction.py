# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .vip_input_mixin import NAME_SIZE

INTERACTION_CHANNELS = [
    ("call", "Call"),
    ("meeting", "Meeting"),
    ("email", "E-mail"),
    ("sms", "SMS"),
    ("gift", "Gift"),
    ("congratulation", "Congratulation"),
]


class VipInteraction(models.Model):
    """A contact between the bank and the client or one of the relatives.

    Each one is also posted on the dossier's chatter, so the dossier's
    timeline tells the whole story in one place.
    """

    _name = "vip.interaction"
    _inherit = ["vip.input.mixin", "vip.relative.line.mixin"]
    _description = "VIP Interaction"
    _order = "date desc, id desc"
    _rec_name = "subject"

    dossier_id = fields.Many2one("vip.dossier", string="Client", required=True, ondelete="cascade", index=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    user_id = fields.Many2one(
        "res.users",
        string="Bank Employee",
        required=True,
        default=lambda self: self.env.user,
        index=True,
    )
    relative_id = fields.Many2one(
        "vip.relative",
        string="With Relative",
        ondelete="set null",
        domain="[('dossier_id', '=', dossier_id)]",
        help="Leave empty when the interaction was with the client.",
    )
    contact_name = fields.Char(string="With", compute="_compute_contact_name")
    channel = fields.Selection(INTERACTION_CHANNELS, required=True, default="call")
    subject = fields.Char(required=True, size=NAME_SIZE)
    outcome = fields.Text()
    next_step = fields.Char()
    next_step_date = fields.Date(help="With a date, the next step is a task on the client for that day.")
    next_activity_id = fields.Many2one(
        "mail.activity",
        string="Follow-up Task",
        readonly=True,
        copy=False,
        ondelete="set null",
        help="The task the next step became; it follows the next step's date and text while it is open.",
    )

    @api.depends("relative_id", "dossier_id")
    def _compute_contact_name(self):
        for interaction in self:
            interaction.contact_name = (interaction.relative_id or interaction.dossier_id).name

    @api.constrains("subject")
    def _check_subject(self):
        for interaction in self:
            if not (interaction.subject or "").strip():
                raise ValidationError(self.env._("An interaction needs a subject."))

    @api.model_create_multi
    def create(self, vals_list):
        interactions = super().create(vals_list)
        interactions._post_on_dossier()
        interactions.filtered("next_step_date")._sync_follow_up()
        return interactions

    def write(self, vals):
        res = super().write(vals)
        if {"next_step", "next_step_date"} & set(vals):
            self._sync_follow_up()
        return res

    def _sync_follow_up(self):
        """A next step with a date is the manager's follow-up task on the client, for that day: made,
        moved or dropped with the next step while it is open (done, it stays done)."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        for interaction in self:
            task = interaction.next_activity_id
            if not interaction.next_step_date:
                task.unlink()
                continue
            summary = interaction.next_step or self.env._("Follow up: %(subject)s", subject=interaction.subject)
            if task:
                task.write({"summary": summary, "date_deadline": interaction.next_step_date})
                continue
            interaction.next_activity_id = interaction.dossier_id._schedule_follow_up(
                todo,
                summary=summary,
                note=interaction.outcome,
                date_deadline=interaction.next_step_date,
                user=interaction.user_id,
            )

    def _post_on_dossier(self):
        channels = dict(self._fields["channel"]._description_selection(self.env))
        for interaction in self:
            lines = [
                Markup("<b>%s</b>: %s") % (channels[interaction.channel], interaction.subject),
                self.env._("With: %(name)s", name=interaction.contact_name),
            ]
            if interaction.outcome:
                lines.append(self.env._("Outcome: %(outcome)s", outcome=interaction.outcome))
            if interaction.next_step:
                lines.append(self.env._("Next step: %(step)s", step=interaction.next_step))
            interaction.dossier_id.message_post(
                body=Markup("<br/>").join(lines),
                subtype_xmlid="vip_dossier.mt_vip_interaction",
                author_id=interaction.user_id.partner_id.id,
            )
