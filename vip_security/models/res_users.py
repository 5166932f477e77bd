# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

ADMIN_GROUP = "vip_dossier.group_vip_admin"
SUPERVISOR_GROUP = "vip_dossier.group_vip_supervisor"
BRANCH_HEAD_GROUP = "vip_security.group_vip_branch_head"


class ResUsers(models.Model):
    _inherit = "res.users"

    vip_branch_id = fields.Many2one(
        "vip.branch",
        string="VIP Branch",
        groups="vip_dossier.group_vip_manager,vip_dossier.group_vip_supervisor",
        help="The branch the VIP manager works in: the clients they create belong to it.",
    )
    vip_headed_branch_ids = fields.Many2many(
        "vip.branch",
        "vip_branch_head_rel",
        "user_id",
        "branch_id",
        string="Heads VIP Branches",
        groups="vip_dossier.group_vip_manager,vip_dossier.group_vip_supervisor",
        help="The branches whose clients this branch head supervises.",
    )

    @api.constrains("vip_headed_branch_ids")
    def _vip_check_branch_head(self):
        """Only a branch head heads a branch: the group is what narrows a supervisor to the branch."""
        group = self.env.ref(BRANCH_HEAD_GROUP)
        # sudo: whether the users are branch heads, nothing is returned
        outsiders = self.sudo().filtered(lambda user: user.vip_headed_branch_ids and group not in user.groups_id)
        if outsiders:
            raise ValidationError(
                self.env._(
                    "%(users)s cannot head a branch: give them the group VIP Branch Head first.",
                    users=", ".join(outsiders.mapped("name")),
                )
            )

    def _vip_reads_every_client(self):
        """Top management and VIP administrators read every client; a branch head is top management
        of their branches only (``vip.dossier.is_in_my_branch``)."""
        self.ensure_one()
        if self.has_group(ADMIN_GROUP):
            return True
        return self.has_group(SUPERVISOR_GROUP) and not self.has_group(BRANCH_HEAD_GROUP)

    def _vip_is_branch_head(self):
        """Whose supervision is scoped to the branches they head (administrators reach all)."""
        self.ensure_one()
        return self.has_group(BRANCH_HEAD_GROUP) and not self.has_group(ADMIN_GROUP)

    def _vip_headed_branches(self):
        # sudo: the user's own branches, whatever the user may read of the catalog
        if not self._vip_is_branch_head():
            return self.env["vip.branch"]
        return self.sudo().vip_headed_branch_ids.filtered("active")

    def write(self, vals):
        if "active" in vals and not vals["active"]:
            self._check_no_vip_clients()
        # sudo: the branches a user heads, to keep the cards' readers and followers of their clients
        headed_before = self.sudo().vip_headed_branch_ids if "vip_headed_branch_ids" in vals else None
        result = super().write(vals)
        if headed_before is not None:
            # the same as a change of the branch's heads (vip.branch.write), from the user's side
            dossiers = (headed_before | self.sudo().vip_headed_branch_ids)._vip_dossiers()
            dossiers._vip_sync_card_readers()
            dossiers._vip_drop_outsiders()
        if {"active", "groups_id"} & set(vals) or any(key.startswith("in_group_") for key in vals):
            # a branch head who lost the group reads no card of the branch any more
            self.sudo().vip_headed_branch_ids._vip_dossiers()._vip_sync_card_readers()
            self._vip_drop_lost_clients()
        return result

    def _vip_drop_lost_clients(self):
        """A user who lost a VIP group stops following the clients they may no longer read."""
        # sudo: the followed clients of other users, cleaned by the system
        followed = (
            self.env["mail.followers"]
            .sudo()
            .search([("res_model", "=", "vip.dossier"), ("partner_id", "in", self.partner_id.ids)])
        )
        self.env["vip.dossier"].browse(followed.mapped("res_id"))._vip_drop_outsiders()

    def _check_no_vip_clients(self):
        """An archived manager cannot keep clients: they would be left unattended."""
        # sudo: whoever archives a user must learn about their clients, even
        # without VIP rights; only counts are read, nothing is returned.
        Dossier = self.env["vip.dossier"].sudo()
        for user in self:
            count = Dossier.search_count(["|", ("user_id", "=", user.id), ("deputy_id", "=", user.id)])
            if count:
                raise UserError(
                    self.env._(
                        "%(user)s is still the manager or deputy of %(count)s VIP clients. Hand them over "
                        "to another manager first: VIP Desk → Configuration → Handover.",
                        user=user.name,
                        count=count,
                    )
                )
