# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.http import request

# Who may see money: the assigned managers (through the row rules), supervisors
# and administrators (who are supervisors too). Not emergency access.
MONEY_GROUPS = "vip_dossier.group_vip_manager,vip_dossier.group_vip_supervisor"
ADMIN_GROUP = "vip_dossier.group_vip_admin"


class VipDossier(models.Model):
    _inherit = "vip.dossier"
    # whoever reads a client reads its tasks and may leave a note (supervisors'
    # quality control); changing others' tasks still needs write, see mail.activity
    _mail_post_access = "read"

    income_12m = fields.Monetary(groups=MONEY_GROUPS)
    income_ytd = fields.Monetary(groups=MONEY_GROUPS)
    operation_ids = fields.One2many(groups=MONEY_GROUPS)
    income_ids = fields.One2many(groups=MONEY_GROUPS)
    operation_count = fields.Integer(groups=MONEY_GROUPS)
    grant_ids = fields.One2many("vip.access.grant", "dossier_id", string="Emergency Grants", groups=ADMIN_GROUP)
    emergency_user_ids = fields.Many2many(
        "res.users",
        "vip_dossier_emergency_user_rel",
        "dossier_id",
        "user_id",
        compute="_compute_emergency_user_ids",
        store=True,
        groups="vip_dossier.group_vip_supervisor",
        help="Users with a running emergency grant on this client; the row rules read it.",
    )
    can_reassign = fields.Boolean(compute="_compute_can_reassign")

    @api.depends("grant_ids.active", "grant_ids.user_id")
    def _compute_emergency_user_ids(self):
        for dossier in self:
            dossier.emergency_user_ids = dossier.grant_ids.filtered("active").user_id

    @api.depends_context("uid")
    def _compute_can_reassign(self):
        self.can_reassign = self._user_can_reassign()

    @api.model_create_multi
    def create(self, vals_list):
        if not self._user_can_reassign():
            for vals in vals_list:
                if vals.get("user_id", self.env.uid) != self.env.uid or vals.get("deputy_id"):
                    raise AccessError(
                        self.env._(
                            "A VIP manager creates dossiers for their own clients only; "
                            "a VIP administrator assigns clients to other managers and deputies."
                        )
                    )
        return super().create(vals_list)

    def write(self, vals):
        if {"user_id", "deputy_id"} & set(vals) and not self._user_can_reassign():
            changed = self.filtered(
                lambda d: (
                    ("user_id" in vals and d.user_id.id != vals["user_id"])
                    or ("deputy_id" in vals and d.deputy_id.id != vals["deputy_id"])
                )
            )
            if changed:
                raise AccessError(
                    self.env._(
                        "Only a VIP administrator can reassign clients or change their deputy "
                        "(VIP Desk → Configuration → Handover)."
                    )
                )
        return super().write(vals)

    @api.model
    def web_search_read(self, domain, specification, offset=0, limit=None, order=None, count_limit=None):
        # a list is not an opening, even of a single row
        return super(VipDossier, self.with_context(vip_no_access_log=True)).web_search_read(
            domain, specification, offset=offset, limit=limit, order=order, count_limit=count_limit
        )

    def web_read(self, specification):
        """Log every opening of a dossier form."""
        result = super().web_read(specification)
        if self._is_form_opening():
            self.env["vip.access.log"]._log(self)
        return result

    # Core marks web_read read-only (it may run on a read-only replica); opening a
    # dossier writes the access log, so this one runs in a read-write transaction.
    web_read._readonly = False

    def web_save(self, vals, specification, next_id=None):
        # the reload after saving is not a new opening
        return super(VipDossier, self.with_context(vip_no_access_log=True)).web_save(
            vals, specification, next_id=next_id
        )

    def _is_form_opening(self):
        """The form reads one dossier with ``vip.dossier.web_read``.

        Lists, and other records reading their client (an interaction's
        ``dossier_id``), call web_read too: over HTTP only a direct call on this
        model counts; without a request (server code), one record does.
        """
        if len(self) != 1 or self.env.su or self.env.context.get("vip_no_access_log"):
            return False
        if not request:
            return True
        try:
            params = request.get_json_data().get("params") or {}
        except (ValueError, AttributeError):
            return False
        return params.get("model") == self._name and params.get("method") == "web_read"

    def _user_can_reassign(self):
        return self.env.su or self.env.user.has_group(ADMIN_GROUP)
