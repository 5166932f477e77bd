# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL


class VipProgressMixin(models.AbstractModel):
    """Progress of long work (a background import or export) that the user can watch while it runs.

    The work runs in one transaction, so what it writes stays invisible until
    it ends. Its progress is therefore committed on a connection of its own,
    into a table of its own (``vip_progress``): the record itself is written
    by the work's transaction at its end, and must not meet a concurrent
    update there.
    """

    _name = "vip.progress.mixin"
    _description = "VIP Desk: Progress of Long Work"

    progress = fields.Integer(compute="_compute_progress", help="Share of the work done, in percent.")

    def init(self):
        res = super().init()
        self.env.cr.execute(
            """
            CREATE TABLE IF NOT EXISTS vip_progress (
                res_model varchar NOT NULL,
                res_id integer NOT NULL,
                done integer NOT NULL,
                total integer NOT NULL,
                PRIMARY KEY (res_model, res_id)
            )
            """
        )
        return res

    def _progress_running(self):
        """The records whose work is under way; the others are at 0 (not started) or 100 (ended)."""
        raise NotImplementedError

    def _progress_ended(self):
        raise NotImplementedError

    def _compute_progress(self):
        percent = {record.id: 100 for record in self._progress_ended()}
        running = self._progress_running().ids
        if running:
            self.env.cr.execute(
                SQL(
                    "SELECT res_id, done, total FROM vip_progress WHERE res_model = %s AND res_id = ANY(%s)",
                    self._name,
                    running,
                )
            )
            for res_id, done, total in self.env.cr.fetchall():
                percent[res_id] = min(round(100 * done / total), 100) if total else 0
        for record in self:
            record.progress = percent.get(record.id, 0)

    def _report_progress(self, done, total):
        """Commit ``done`` out of ``total`` at once, whatever the work's own transaction does."""
        self.ensure_one()
        if not total or not self.env.context.get("vip_report_progress"):
            return
        with self.env.registry.cursor() as cr:
            cr.execute(
                SQL(
                    """
                    INSERT INTO vip_progress (res_model, res_id, done, total) VALUES (%s, %s, %s, %s)
                    ON CONFLICT (res_model, res_id) DO UPDATE SET done = EXCLUDED.done, total = EXCLUDED.total
                    """,
                    self._name,
                    self.id,
                    done,
                    total,
                )
            )

    def _notify_author(self, body, level="success"):
        """Tell whoever started the work it has ended: in the chatter (hence their inbox) and with a toast.

        ``body`` says what happened, never what was read or written: a notification may leave the
        bank by e-mail. For models that are also a ``mail.thread``.
        """
        self.ensure_one()
        user = self.create_uid or self.env.user
        self.sudo().message_post(body=body, partner_ids=user.partner_id.ids, subtype_xmlid="mail.mt_note")
        user._bus_send(
            "simple_notification",
            {"type": level, "title": self.display_name, "message": body, "sticky": level == "danger"},
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_progress(self):
        self.env.cr.execute(
            SQL("DELETE FROM vip_progress WHERE res_model = %s AND res_id = ANY(%s)", self._name, self.ids)
        )
