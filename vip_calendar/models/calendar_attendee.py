# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class CalendarAttendee(models.Model):
    # an attendee who is a VIP client is read only by who reads the client: vip_security's guard
    # (base.py, CARD_DETAILS), as for followers
    _inherit = "calendar.attendee"

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
