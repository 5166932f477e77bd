# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Who is reminded changed.

* A power of attorney's expiry is not a greeting: it comes whatever the consent. The occasion types
  are kept without update (the bank edits them): the expiry is marked here.
* A client's professional holidays are confirmed on the dossier; the employer's industry only
  suggests them. The holidays each client was reminded of so far are kept as confirmed.
* Archived relatives, and relatives outside the close family, no longer get birthdays.

Then every client's key dates are synchronised once."""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["vip.key.date.type"].with_context(active_test=False).search([("code", "=", "poa_expiry")]).write(
        {"is_greeting": False}
    )
    field = env["vip.dossier"]._fields["professional_holiday_ids"]
    cr.execute(
        SQL(
            "INSERT INTO %(rel)s (%(dossier)s, %(holiday)s)"
            " SELECT DISTINCT dossier_id, holiday_id FROM vip_key_date"
            " WHERE source = 'auto' AND holiday_id IS NOT NULL ON CONFLICT DO NOTHING",
            rel=SQL.identifier(field.relation),
            dossier=SQL.identifier(field.column1),
            holiday=SQL.identifier(field.column2),
        )
    )
    env.invalidate_all()
    dossiers = env["vip.dossier"].with_context(active_test=False).search([])
    env["vip.dossier"]._sync_key_dates_in_batches(dossiers.ids)
