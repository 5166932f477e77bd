# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A reminder's key date had an index of its own, which the unique (key_date_id, occurrence_date)
index makes redundant: every lookup by key date, the cascade from a deleted key date included, uses
the unique index's leading column. Odoo keeps an index whose field no longer asks for one: drop it,
so that the run does not maintain it on every reminder it inserts."""

from odoo.tools import sql


def migrate(cr, version):
    sql.drop_index(cr, sql.make_index_name("vip_key_date_reminder", "key_date_id"), "vip_key_date_reminder")
