# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A client's card's contacts and addresses (an assistant, a home address, named after the client) are
protected like the card: mark the existing ones, and give them the card's readers."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    Partner = env["res.partner"].with_context(active_test=False)
    children = Partner.search([("parent_id.vip_client", "=", True)])
    env.add_to_compute(Partner._fields["vip_client"], children)
    env.flush_all()
    env["vip.dossier"]._vip_sync_all_card_readers()
