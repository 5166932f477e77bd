# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request

from odoo.addons.mail.controllers.thread import ThreadController

from ..models.base import is_vip_model


class VipThreadController(ThreadController):
    @http.route()
    def mail_message_post(self, thread_model, thread_id, post_data, context=None, **kwargs):
        """Posting through the chat window gets the checks of message_post, with the poster's rights.

        Core checks that the user may read the thread, then posts as the
        system. On any document a client's card is notified only by who may
        read it; on a client, or a client's event, the client's own rules decide
        who may post, notify whom and add files (mail.thread._vip_check_contribution).
        """
        if thread_model in request.env and hasattr(request.env[thread_model], "_vip_check_contribution"):
            thread = request.env[thread_model].browse(int(thread_id)).exists()
            if is_vip_model(thread_model) and (not thread or not thread.has_access("read")):
                raise NotFound()
            thread._vip_check_contribution(post_data.get("partner_ids"), post_data.get("attachment_ids"))
        return super().mail_message_post(thread_model, thread_id, post_data, context=context, **kwargs)
