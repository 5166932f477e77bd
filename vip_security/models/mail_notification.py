# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.osv import expression
from odoo.tools import SQL

from .base import CARD_MODEL


class MailNotification(models.Model):
    """Who was notified of a message on a client, when, and whether the mail went out.

    Core lets every employee read every notification. A notification of a
    message on a VIP record, or on a client's card, is read only by who may
    read that message's document, and by its own recipient and author.
    """

    _inherit = "mail.notification"

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        query = super()._search(domain, offset=offset, limit=limit, order=order)
        if not self.env.su:
            query.add_where(self._vip_visible_sql(query.table))
        return query

    @api.model
    def _vip_visible_sql(self, alias):
        """True for the rows of ``alias`` the user may see: their own, or of a message on a document
        they may read. Correlated by the message's primary key: an inbox stays a few index lookups."""
        Message = self.env["mail.message"]
        partner_id = self.env.user.partner_id.id
        domain = Message._vip_pointer_domain()
        for name in Message._vip_registry_kinds()[2]:
            # a message on a client's event (mail's own check of messages answers for them elsewhere)
            Relay = self.env[name]
            # sudo: the hidden events, selected by the user's own guard domain
            hidden = Relay.sudo().with_context(active_test=False)._search(Relay._vip_hidden_domain())
            domain = expression.AND([domain, ["|", ("model", "!=", name), "!", ("res_id", "in", hidden)]])
        # sudo: the user's own guard domain (computed above with their rights) as a plain query
        messages = Message.sudo().with_context(active_test=False)._where_calc(domain)
        messages.add_where(
            SQL("%s = %s", SQL.identifier(messages.table, "id"), SQL.identifier(alias, "mail_message_id"))
        )
        hidden_card = self.env[CARD_MODEL]._vip_hidden_card_sql(SQL.identifier(messages.table, "res_id"))
        if hidden_card is not None:
            messages.add_where(
                SQL("NOT (%s = %s AND %s)", SQL.identifier(messages.table, "model"), CARD_MODEL, hidden_card)
            )
        return SQL(
            "(%s = %s OR %s = %s OR EXISTS (%s))",
            SQL.identifier(alias, "res_partner_id"),
            partner_id,
            SQL.identifier(alias, "author_id"),
            partner_id,
            messages.subselect(SQL("1")),
        )

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if self.env.su:
            return result
        candidates = self.browse(id_ for id_ in self._ids if isinstance(id_, int))
        if result:
            candidates -= result[0]
        if not candidates:
            return result
        # sudo: the message of each row, whose document's readability decides
        rows = candidates.sudo()
        partner = self.env.user.partner_id
        others = rows.filtered(lambda row: partner not in (row.res_partner_id | row.author_id))
        if not others:
            return result
        hidden = self.env["mail.message"].browse(others.mail_message_id.ids)._vip_unreadable_ids()
        forbidden = others.filtered(lambda row: row.mail_message_id.id in hidden)
        return self._vip_add_forbidden(result, self.browse(forbidden.ids), operation)

    @api.model_create_multi
    def create(self, vals_list):
        # core notifies as the system; a user making a notification by hand notifies someone of a message:
        # the checks of a post on the message's document
        if not self.env.su:
            for vals in vals_list:
                # sudo: the message's document, checked with the user's rights
                message = self.env["mail.message"].sudo().browse(vals.get("mail_message_id") or []).exists()
                # who may not read the message learns nothing of its document (round 23)
                message.with_env(self.env).check_access("read")
                if message.model in self.env and message.res_id and vals.get("res_partner_id"):
                    document = self.env[message.model].browse(message.res_id)
                    document._vip_check_contribution([vals["res_partner_id"]], None)
        return super().create(vals_list)
