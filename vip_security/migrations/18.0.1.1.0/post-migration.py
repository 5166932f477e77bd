# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""1.1.0 keeps on each VIP client's contact card who reads it (the card's rules read it): fill it for
the clients that exist. The membership (``member_user_ids``) and the card's mark (``vip_client``) are
stored computed fields, computed by the upgrade itself. The access log's index on its event, now
that every read adds an entry, covers only the events that are not reads."""

from odoo import SUPERUSER_ID, api
from odoo.tools import sql


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["vip.dossier"]._vip_sync_all_card_readers()
    # every read is logged now: the event's index covers the rare events only (vip_access_log.init)
    sql.drop_index(cr, sql.make_index_name("vip_access_log", "event"), "vip_access_log")
