# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import models

# the thumbnails a list or a card shows beside a row whose reading is logged already
THUMBNAIL = re.compile(r"^(image|avatar|partner_avatar)_(128|256|512)$")


class IrBinary(models.AbstractModel):
    """Files and photos of a client (``/web/content``, ``/web/image``): a power of attorney's scan, a
    file on the dossier, the client's photo are the client's data; downloading one is a logged read."""

    _inherit = "ir.binary"

    def _find_record_check_access(self, record, access_token, field):
        record = super()._find_record_check_access(record, access_token, field)
        if not self.env.su and not (field and THUMBNAIL.match(field)):
            dossiers = (
                record._vip_logged_dossiers()
                if hasattr(record, "_vip_logged_dossiers")
                else record._vip_read_dossiers()
            )
            if dossiers:
                dossiers._vip_log_read("file")
        return record
