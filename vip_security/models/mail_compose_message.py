# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from .base import CARD_MODEL


class MailComposeMessage(models.TransientModel):
    _inherit = "mail.compose.message"

    def _compute_partner_ids(self):
        """The recipients a template names by e-mail are found (or made) among all contacts, as the system:
        with a client's e-mail among one's own attendees' addresses, any employee learned that it is a
        client's and the id of its card (the form was refused, the composer kept the card). A client's
        card is a recipient only for its readers; for anyone else the address finds nobody."""
        result = super()._compute_partner_ids()
        # computed as the system (a stored compute): the user is still the one composing
        user_env = self.env(su=False)
        for composer in self:
            cards = composer.partner_ids.filtered("vip_client")
            if not cards:
                continue
            hidden = self.with_env(user_env)._vip_forbidden_targets(CARD_MODEL, set(cards.ids), "read")
            if hidden:
                composer.partner_ids -= cards.filtered(lambda card, hidden=hidden: card.id in hidden)
        return result
