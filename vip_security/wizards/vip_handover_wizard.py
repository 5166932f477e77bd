# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

MANAGER_GROUP = "vip_dossier.group_vip_manager"
ADMIN_GROUP = "vip_dossier.group_vip_admin"


class VipHandoverWizard(models.TransientModel):
    """Move a manager's clients to another manager in one atomic step."""

    _name = "vip.handover.wizard"
    _description = "VIP Client Handover"

    from_user_id = fields.Many2one("res.users", string="From Manager", required=True)
    to_user_id = fields.Many2one(
        "res.users",
        string="To Manager",
        required=True,
        domain=lambda self: [("groups_id", "in", self.env.ref(MANAGER_GROUP).id), ("share", "=", False)],
    )
    all_clients = fields.Boolean(
        string="All Clients of This Manager",
        help="Select every client the manager manages or stands in for; clear it to pick clients one by one.",
    )
    dossier_ids = fields.Many2many(
        "vip.dossier",
        string="Clients",
        compute="_compute_dossier_ids",
        store=True,
        readonly=False,
        domain="['|', ('user_id', '=', from_user_id), ('deputy_id', '=', from_user_id)]",
        help="The clients to hand over, among those the manager manages or stands in for. None is selected "
        "until you pick them or tick All Clients of This Manager.",
    )
    dossier_count = fields.Integer(string="Clients to Hand Over", compute="_compute_counts")
    activity_count = fields.Integer(
        string="Open Tasks to Move",
        compute="_compute_counts",
        help="Open tasks of the selected clients assigned to the giving manager.",
    )

    @api.depends("from_user_id", "all_clients")
    def _compute_dossier_ids(self):
        """Nothing is selected until the administrator picks clients or asks for all of them: a handover
        of one client out of twenty must not mean removing nineteen rows."""
        Dossier = self.env["vip.dossier"].with_context(active_test=False)
        for wizard in self:
            user = wizard.from_user_id
            wizard.dossier_ids = (
                Dossier.search(["|", ("user_id", "=", user.id), ("deputy_id", "=", user.id)])
                if user and wizard.all_clients
                else False
            )

    @api.depends("from_user_id", "dossier_ids")
    def _compute_counts(self):
        for wizard in self:
            dossiers = wizard.dossier_ids._origin
            wizard.dossier_count = len(dossiers)
            wizard.activity_count = (
                len(wizard._activities_to_move(wizard.from_user_id._origin, dossiers)) if dossiers else 0
            )

    def action_handover(self):
        self.ensure_one()
        # the access list already keeps others from creating or reading a wizard; said again here, where
        # clients change hands, so that no other path (an inherited wizard, a sudo caller) opens the door
        if not self.env.su and not self.env.user.has_group(ADMIN_GROUP):
            raise AccessError(self.env._("Only VIP administrators hand clients over."))
        source, target = self.from_user_id, self.to_user_id
        if source == target:
            raise UserError(self.env._("Choose another manager to hand the clients over to."))
        if not target.active or not target.has_group(MANAGER_GROUP):
            raise UserError(
                self.env._("%(user)s is not an active VIP manager and cannot take clients.", user=target.name)
            )
        dossiers = self.dossier_ids
        foreign = dossiers.filtered(lambda d: source not in (d.user_id | d.deputy_id))
        if foreign:
            raise UserError(
                self.env._(
                    "%(user)s neither manages nor stands in for: %(clients)s.",
                    user=source.name,
                    clients=", ".join(foreign.mapped("name")),
                )
            )
        if not dossiers:
            raise UserError(
                self.env._(
                    "Pick the clients of %(user)s to hand over, or tick All Clients of This Manager.",
                    user=source.name,
                )
            )
        self._handover(source, target, dossiers)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(count)s clients handed over from %(from_user)s to %(to_user)s.",
                    count=len(dossiers),
                    from_user=source.name,
                    to_user=target.name,
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def _handover(self, source, target, dossiers):
        """Dossiers, deputies, open activities, followers, trace and log — all or nothing."""
        as_manager = dossiers.filtered(lambda d: d.user_id == source)
        as_deputy = dossiers.filtered(lambda d: d.deputy_id == source)
        # the target may have been the deputy: a manager is not their own deputy
        as_manager.filtered(lambda d: d.deputy_id == target).write({"user_id": target.id, "deputy_id": False})
        as_manager.filtered(lambda d: d.deputy_id != target).write({"user_id": target.id})
        as_deputy.filtered(lambda d: d.user_id == target).write({"deputy_id": False})
        as_deputy.filtered(lambda d: d.user_id != target).write({"deputy_id": target.id})
        self._activities_to_move(source, dossiers).write({"user_id": target.id})
        dossiers.message_unsubscribe(partner_ids=source.partner_id.ids)
        dossiers.message_subscribe(partner_ids=target.partner_id.ids)
        body = Markup("<p>%s</p>") % self.env._(
            "Client handed over from %(from_user)s to %(to_user)s by %(by)s.",
            from_user=source.name,
            to_user=target.name,
            by=self.env.user.name,
        )
        dossiers._message_log_batch(bodies=dict.fromkeys(dossiers.ids, body))
        self.env["vip.access.log"]._log(dossiers, event="handover", note=f"{source.name} → {target.name}")
        self._handover_extra(source, target, dossiers)

    def _activities_to_move(self, source, dossiers):
        """The open tasks of ``dossiers`` assigned to ``source``: the manager's work to come (a task done
        is no longer an activity; it stays in the chatter as history)."""
        return self.env["mail.activity"].search(
            [("res_model", "=", "vip.dossier"), ("res_id", "in", dossiers.ids), ("user_id", "=", source.id)]
        )

    def _handover_extra(self, source, target, dossiers):
        """Hook for the addons that keep more per-manager data (vip_calendar: future key-date events and
        reminders). Called last, in the same transaction, once ``dossiers`` are checked to be clients of
        ``source`` and their manager or deputy is ``target``."""
