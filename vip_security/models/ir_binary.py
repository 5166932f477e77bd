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
        if record.env.su or (field and THUMBNAIL.match(field)):
            return record
        # A file is checked when its content is read, after this; whose file it is must be found
        # without reading the record as the system into the cache the content is then read from
        # (nothing would check the user's access then): refused now if it is not theirs to read.
        record.check_access("read")
        quiet = record.with_context(prefetch_fields=False)
        dossiers = (
            quiet._vip_logged_dossiers() if hasattr(quiet, "_vip_logged_dossiers") else quiet._vip_read_dossiers()
        )
        record.invalidate_recordset()
        if dossiers:
            dossiers._vip_log_read("file")
        return record
