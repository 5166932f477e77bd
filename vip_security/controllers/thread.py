# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request

from odoo.addons.mail.controllers.thread import ThreadController

from ..models.base import is_vip_model


class VipThreadController(ThreadController):
    @http.route()
    def mail_message_post(self, thread_model, thread_id, post_data, context=None, **kwargs):
        """Posting on a VIP record through the chat window: the record's own rules, as its message_post has them.

        Core checks that the user may read the thread, then posts as the
        system: who may contribute, who may be notified and who may add files
        are checked here with the user's rights.
        """
        partner_ids, attachment_ids = post_data.get("partner_ids"), post_data.get("attachment_ids")
        if is_vip_model(thread_model):
            thread = request.env[thread_model].browse(int(thread_id)).exists()
            if not thread or not thread.has_access("read"):
                raise NotFound()
            thread._vip_check_post(partner_ids, attachment_ids)
        elif thread_model in request.env:
            thread = request.env[thread_model].browse(int(thread_id)).exists()
            if partner_ids:
                # any document: a client's card is notified only by who may read it
                thread._vip_raise_if_forbidden({"res.partner": set(partner_ids)}, "read")
            if thread and thread._vip_is_relay():
                # a client's event: posted on as on the client itself
                for model, ids in thread._vip_pointer_targets().get(thread.id, {}).items():
                    documents = request.env[model].browse(ids)
                    if hasattr(documents, "_vip_check_post"):
                        documents._vip_check_post(partner_ids, attachment_ids)
        return super().mail_message_post(thread_model, thread_id, post_data, context=context, **kwargs)
