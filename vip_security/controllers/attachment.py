# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request

from odoo.addons.mail.controllers.attachment import AttachmentController

from ..models.base import is_vip_model


class VipAttachmentController(AttachmentController):
    @http.route()
    def mail_attachment_upload(self, ufile, thread_id, thread_model, is_pending=False, **kwargs):
        """A file on a VIP record is part of it: only who may write the record adds one.

        Core lets whoever may post on a thread upload to it, and supervisors may
        post a note on any client; their access stays read-only.
        """
        if is_vip_model(thread_model):
            thread = request.env[thread_model].browse(int(thread_id)).exists()
            if not thread or not thread.has_access("write"):
                raise NotFound()
        return super().mail_attachment_upload(ufile, thread_id, thread_model, is_pending=is_pending, **kwargs)
