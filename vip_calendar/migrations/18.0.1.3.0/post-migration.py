# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Who is reminded changed: a power of attorney's expiry is not a greeting (it comes whatever the
consent), and archived relatives and relatives outside the close family no longer get birthdays.
The occasion types are kept without update (the bank edits them): mark the expiry here, then
synchronise every client's key dates once."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["vip.key.date.type"].with_context(active_test=False).search([("code", "=", "poa_expiry")]).write(
        {"is_greeting": False}
    )
    dossiers = env["vip.dossier"].with_context(active_test=False).search([])
    env["vip.dossier"]._sync_key_dates_in_batches(dossiers.ids)
