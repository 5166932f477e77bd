# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.vip_dossier.models.vip_input_mixin import NAME_SIZE

BRANCH_HEAD_GROUP = "vip_security.group_vip_branch_head"


class VipBranch(models.Model):
    """A branch or department of the bank, and who heads it.

    A client belongs to one branch (``vip.dossier.branch_id``). The heads of a
    branch supervise its clients the way top management supervises all: they
    read, comment and control tasks, and change nothing. Who may read a client
    stays one definition: its members, top management, and the heads of its
    branch (``vip.dossier.is_in_my_branch``, applied to every VIP model by
    ``ir.rule``, and kept on the client's contact card as its readers).
    """

    _name = "vip.branch"
    _description = "VIP Branch"
    _inherit = ["vip.input.mixin"]
    _order = "name, id"

    name = fields.Char(required=True, size=NAME_SIZE)
    code = fields.Char(size=32, help="The branch's code in the bank's systems.")
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    head_user_ids = fields.Many2many(
        "res.users",
        "vip_branch_head_rel",
        "branch_id",
        "user_id",
        string="Heads",
        domain=lambda self: [("groups_id", "in", self.env.ref(BRANCH_HEAD_GROUP).id)],
        help="Heads of the branch or department: they read the branch's clients, as top management reads all.",
    )
    manager_user_ids = fields.One2many("res.users", "vip_branch_id", string="Managers")
    is_headed_by_me = fields.Boolean(
        compute="_compute_is_headed_by_me",
        search="_search_is_headed_by_me",
        help="I head this branch.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_company_uniq", "unique(name, company_id)", "A branch with this name already exists."),
    ]

    @api.depends_context("uid")
    def _compute_is_headed_by_me(self):
        headed = self.env.user._vip_headed_branches()
        for branch in self:
            branch.is_headed_by_me = branch in headed

    def _search_is_headed_by_me(self, operator, value):
        """Read when the query runs, never cached with the rules: a head removed stops at once."""
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(f"unsupported search on is_headed_by_me: {operator} {value}")
        headed = self.env.user._vip_headed_branches().ids
        return [("id", "in" if (operator == "=") == value else "not in", headed)]

    @api.constrains("head_user_ids")
    def _check_heads_are_branch_heads(self):
        self.head_user_ids._vip_check_branch_head()

    def write(self, vals):
        heads_change = "head_user_ids" in vals or "active" in vals
        old_dossiers = self._vip_dossiers() if heads_change else None
        result = super().write(vals)
        if heads_change:
            dossiers = old_dossiers | self._vip_dossiers()
            dossiers._vip_sync_card_readers()
            dossiers._vip_drop_outsiders()
        return result

    def unlink(self):
        if self._vip_dossiers():
            raise UserError(
                self.env._(
                    "A branch that has clients cannot be deleted: move its clients to another branch, or "
                    "archive the branch."
                )
            )
        return super().unlink()

    def _vip_heads(self):
        """Who supervises these branches' clients: their heads who are branch heads, of active branches."""
        group = self.env.ref(BRANCH_HEAD_GROUP)
        # sudo: the heads are read to keep the cards' readers, whoever changed the client
        return self.sudo().filtered("active").head_user_ids.filtered(lambda user: group in user.groups_id)

    def _vip_dossiers(self):
        # sudo: the branch's clients, to keep who reads their cards; nothing is returned to the user
        return self.env["vip.dossier"].sudo().with_context(active_test=False).search([("branch_id", "in", self.ids)])
