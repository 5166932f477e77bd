# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import psycopg2.errors

from odoo import api, fields, models, tools
from odoo.exceptions import UserError
from odoo.tools import SQL

EVENTS = [
    ("open", "Viewed"),
    ("handover", "Handover"),
    ("emergency", "Emergency access"),
]


class VipAccessLog(models.Model):
    """Who read which client, when and how; handovers, emergency accesses and exports.

    History: readable by supervisors and administrators, never edited or
    deleted by anyone. The dossier's name is kept so the entry outlives it.
    """

    _name = "vip.access.log"
    _description = "VIP Access Log"
    _order = "date desc, id desc"
    _log_access = False
    _rec_name = "dossier_name"

    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True, index=True)
    user_id = fields.Many2one("res.users", required=True, readonly=True, index=True, ondelete="restrict")
    dossier_id = fields.Many2one("vip.dossier", string="Client", readonly=True, index=True, ondelete="set null")
    dossier_name = fields.Char(string="Client Name", readonly=True)
    # indexed for the rare events only (init): every read adds an "open" entry per client
    event = fields.Selection(EVENTS, required=True, default="open", readonly=True)
    channel = fields.Selection(
        [
            ("form", "Form"),
            ("list", "List"),
            ("api", "API"),
            ("export", "Export"),
            ("report", "Report"),
            ("file", "File"),
        ],
        readonly=True,
        help="How the client's data was read: a form, a list or kanban page, an export, a report, a file or a "
        "photo downloaded, or an API call.",
    )
    note = fields.Char(readonly=True)

    def init(self):
        # the filters Emergency Access, Handovers and Exports look for the few entries that are not reads
        tools.create_index(
            self.env.cr, "vip_access_log_event_rare_index", self._table, ["event"], where="event != 'open'"
        )

    @api.model
    def _log(self, dossiers, event="open", note=False, user=None, channel=False):
        """Record an event on each dossier, as the system, in one INSERT.

        Nobody creates log entries by hand (no create right): only these fixed
        values are written, and the entry names the real user. Every read of
        a client's data comes here, so it is one statement, not an ORM create
        per client: the entries have no computed field and no side effect.
        """
        if not dossiers:
            return
        if self.env.cr.readonly:
            # a read-only request (a replica) cannot write the entry: Odoo serves it again on the primary
            raise psycopg2.errors.ReadOnlySqlTransaction("the VIP access log is written on the primary")
        dossiers.flush_recordset(["name"])
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO vip_access_log (date, user_id, dossier_id, dossier_name, event, channel, note)
                SELECT %(now)s, %(user)s, d.id, d.name, %(event)s, %(channel)s, %(note)s
                  FROM vip_dossier d
                 WHERE d.id = ANY(%(ids)s)
                """,
                now=fields.Datetime.now(),
                user=(user or self.env.user).id,
                event=event,
                channel=channel or None,
                note=note or None,
                ids=list(dossiers.ids),
            )
        )

    def write(self, vals):
        if self:
            self.check_access("write")
            raise UserError(self.env._("The access log is history: its entries cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("The access log is history: its entries cannot be deleted."))
