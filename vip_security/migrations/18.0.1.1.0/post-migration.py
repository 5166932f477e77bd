# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""1.1.0 keeps on each VIP client's contact card who reads it (the card's rules read it): fill it for
the clients that exist. The membership (``member_user_ids``) and the card's mark (``vip_client``) are
stored computed fields, computed by the upgrade itself."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["vip.dossier"]._vip_sync_all_card_readers()
