# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class VipDossier(models.Model):
    _inherit = "vip.dossier"

    request_count = fields.Integer(string="Requests", compute="_compute_request_count")

    def _compute_request_count(self):
        # with the user's rights: the count is of the requests they may read
        counts = dict(
            self.env["vip.request"]._read_group([("dossier_id", "in", self.ids)], ["dossier_id"], ["__count"])
        )
        for dossier in self:
            dossier.request_count = counts.get(dossier, 0)

    def action_open_requests(self):
        return self._action_open_lines("vip_request.vip_request_action")

    def _vip_drop_outsiders(self):
        """Who may no longer read a client stops following its requests too, and loses their unread
        notifications of them: a request's messages would tell them the client's questions."""
        result = super()._vip_drop_outsiders()
        # sudo: followers and notifications of other users are the system's to clean
        requests = self.env["vip.request"].sudo().search([("dossier_id", "in", self.ids)])
        gone = {}
        for request in requests:
            followers = request.message_partner_ids
            outsiders = followers - request.dossier_id._vip_partners_who_read(followers)
            if outsiders:
                request.message_unsubscribe(partner_ids=outsiders.ids)
                gone[request.id] = outsiders
        if gone:
            messages = (
                self.env["mail.message"].sudo().search([("model", "=", "vip.request"), ("res_id", "in", list(gone))])
            )
            notifications = (
                self.env["mail.notification"]
                .sudo()
                .search([("mail_message_id", "in", messages.ids), ("is_read", "=", False)])
            )
            notifications.filtered(lambda n: n.res_partner_id in gone[n.mail_message_id.res_id]).unlink()
        return result
