# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models

from ..models.vip_key_date_reminder import ENGINE_EVENT_CONTEXT


class VipHandoverWizard(models.TransientModel):
    """A handover also moves the key-date work to come: open reminders and their future private events."""

    _inherit = "vip.handover.wizard"

    event_count = fields.Integer(
        string="Future Key-Date Events to Move",
        compute="_compute_counts",
        help="Private key-date events of the selected clients, from today on, on the giving manager's calendar.",
    )

    @api.depends("from_user_id", "dossier_ids")
    def _compute_counts(self):
        res = super()._compute_counts()
        for wizard in self:
            dossiers = wizard.dossier_ids._origin
            wizard.event_count = (
                len(wizard._key_date_work_to_move(wizard.from_user_id._origin, dossiers)[1]) if dossiers else 0
            )
        return res

    def _key_date_work_to_move(self, source, dossiers):
        """The reminders of ``dossiers`` still to be acted on by ``source`` (open, not done: the date is
        to come, or its task is still open) and their events from today on. Done reminders and past events
        stay as they are: history.

        Read as the system: reminders are written by the key-date run only and the events are the
        manager's private ones. Only the records of ``dossiers`` are read, which the wizard's callers
        have checked to be clients of ``source``."""
        today = fields.Date.context_today(self)
        reminders = (
            self.env["vip.key.date.reminder"]
            .sudo()
            .search(
                [
                    ("dossier_id", "in", dossiers.ids),
                    ("user_id", "=", source.id),
                    ("state", "=", "open"),
                    ("done_date", "=", False),
                ]
            )
            .filtered(lambda r: r.occurrence_date >= today or r.activity_id)
        )
        own = {("vip.dossier", dossier_id) for dossier_id in dossiers.ids}
        events = reminders.filtered(lambda r: r.occurrence_date >= today).event_id.filtered(
            lambda e: e.user_id == source and (e.res_model, e.res_id) in own
        )
        return reminders, events

    def _handover_extra(self, source, target, dossiers):
        super()._handover_extra(source, target, dossiers)
        reminders, events = self._key_date_work_to_move(source, dossiers)
        # sudo (from _key_date_work_to_move): the reminders' assignee is an engine field and private events
        # are written by their organizer only. Safe: the records are those of the clients just handed over,
        # checked by action_handover to be the giving manager's, and go to the client's new manager or deputy.
        reminders.write({"user_id": target.id})
        # still to act on: the new manager's to do, and to count in their on-time share
        for dossier, moving in reminders.grouped("dossier_id").items():
            moving.write({"manager_id": dossier.user_id.id})
        if not events:
            return
        # as the key-date run makes them: the new manager is the organizer and the one attendee, accepted,
        # with no invitation mail and no follower; the old manager stops following them
        events = events.with_context(**ENGINE_EVENT_CONTEXT)
        events.write(
            {
                "user_id": target.id,
                "partner_ids": [Command.unlink(source.partner_id.id), Command.link(target.partner_id.id)],
            }
        )
        events.attendee_ids.filtered(lambda a: a.partner_id == target.partner_id).write(
            {"state": "accepted", "common_name": target.partner_id.name}
        )
        events.message_unsubscribe(partner_ids=source.partner_id.ids)
