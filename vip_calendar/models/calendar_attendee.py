# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.osv import expression


class CalendarAttendee(models.Model):
    """An attendee row copies its contact's name, e-mail and phone: a client's are the client's.

    Core lets every employee read every attendee; a row whose contact is a VIP
    client's card is read only by who may read the card (a meeting made from the
    Calendar app with the client, not linked to the dossier, included).
    """

    _inherit = "calendar.attendee"

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        hidden = None if self.env.su else self.env["res.partner"]._vip_hidden_cards()
        if hidden is not None:
            domain = expression.AND([domain, ["|", ("partner_id", "=", False), "!", ("partner_id", "in", hidden)]])
        return super()._search(domain, offset=offset, limit=limit, order=order)

    def _check_access(self, operation):
        result = super()._check_access(operation)
        candidates = self.browse(id_ for id_ in self._ids if isinstance(id_, int))
        if self.env.su or not candidates:
            return result
        if result:
            candidates -= result[0]
        # sudo: the contact of each row, whose own readability decides
        rows = candidates.sudo()
        blocked = self._vip_forbidden_targets("res.partner", set(rows.partner_id.ids), "read")
        return self._vip_add_forbidden(
            result, self.browse(row.id for row in rows if row.partner_id.id in blocked), operation
        )

    def _subscribe_partner(self):
        """The key-date run's private events have one attendee, their organizer: nobody to subscribe.

        Calendar makes every attendee a follower of the event (for its chatter);
        nobody writes on a key-date reminder, and the follower lookup costs as much
        as a quarter of the event itself in the run.
        """
        # the run creates its events as the system: a user passing the context key over RPC gains nothing
        if self.env.su and self.env.context.get("vip_key_date_run"):
            return
        super()._subscribe_partner()
