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
        if thread_model in request.env and hasattr(request.env[thread_model], "_vip_check_contribution"):
            thread = request.env[thread_model].browse(int(thread_id)).exists()
            if is_vip_model(thread_model) and (not thread or not thread.has_access("read")):
                raise NotFound()
            thread._vip_check_contribution(post_data.get("partner_ids"), post_data.get("attachment_ids"))
        return super().mail_message_post(thread_model, thread_id, post_data, context=context, **kwargs)
