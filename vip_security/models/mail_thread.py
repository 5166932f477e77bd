# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class MailThread(models.AbstractModel):
    """A VIP client's contact card is not a recipient for who may not read it.

    Following a record or being notified on it sends the client e-mails and
    shows their name, e-mail and phone to whoever reads the followers or the
    notifications: on any document (an employee's own event), only who may
    read the client's card may subscribe or notify it.
    """

    _inherit = "mail.thread"

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        if partner_ids and not self.env.su:
            self._vip_raise_if_forbidden({"res.partner": set(partner_ids)}, "read")
        return super().message_subscribe(partner_ids=partner_ids, subtype_ids=subtype_ids)

    def message_post(self, **kwargs):
        if kwargs.get("partner_ids") and not self.env.su:
            self._vip_raise_if_forbidden({"res.partner": set(kwargs["partner_ids"])}, "read")
        return super().message_post(**kwargs)
