# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The deputy no longer counts in the completeness score (only an administrator sets it): every
dossier's stored score and *incomplete* flag are computed again with the nine facts left."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    Dossier = env["vip.dossier"].with_context(active_test=False)
    dossiers = Dossier.search([])
    env.add_to_compute(Dossier._fields["completeness"], dossiers)
    env.add_to_compute(Dossier._fields["is_incomplete"], dossiers)
    dossiers.flush_recordset(["completeness", "is_incomplete"])
