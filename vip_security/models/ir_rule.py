# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models, tools
from odoo.osv import expression
from odoo.tools import config
from odoo.tools.safe_eval import safe_eval

from .base import CARD_DETAILS, is_protected_model, is_vip_model

SUPERVISOR_GROUP = "vip_dossier.group_vip_supervisor"


class IrRule(models.Model):
    """A refusal names nothing it refuses; a branch head supervises their branches only.

    In debug mode (which any user may switch on for their own session), Odoo's
    access error lists the refused records by name, read as the system: a VIP
    client's name, a relative's, a task's summary. For the records of a VIP
    model, contacts (a client's card), and the rows that point at a record or
    show a contact's data, it lists none: the model and the rules only.

    A branch head is in the supervisors' group, whose rules read every client.
    For every VIP model that belongs to a client (``vip.dossier``, and every
    model with a ``dossier_id``), what a branch head reads as a supervisor is
    narrowed here to the clients of the branches they head (and a model with a
    ``branch_id``, the portfolio, to those branches) — whatever rule a
    module gives supervisors, and where it gives none. What they may do by
    another group (the clients they manage themselves, rules written for
    branch heads) is left as it is; the other VIP models' supervisor rules
    (imports) do not apply to them.
    """

    _inherit = "ir.rule"

    @tools.conditional(
        "xml" not in config["dev_mode"],
        tools.ormcache(
            "self.env.uid", "self.env.su", "model_name", "mode", "tuple(self._compute_domain_context_values())"
        ),
    )
    def _compute_domain(self, model_name, mode="read"):
        if self.env.su or not is_vip_model(model_name) or not self.env.user._vip_is_branch_head():
            return super()._compute_domain(model_name, mode)
        scope = self._vip_branch_scope(self.env[model_name])
        user_groups = self.env.user.groups_id
        # the rules of the branch head group itself are written for branch heads: kept as they are
        own_groups = user_groups - self.env.ref(SUPERVISOR_GROUP)
        eval_context = self._eval_context()
        global_domains, own_domains, supervising = [], [], []
        for rule in self._get_rules(model_name, mode=mode).sudo():
            domain = expression.normalize_domain(
                safe_eval(rule.domain_force, eval_context) if rule.domain_force else []
            )
            if not rule.groups:
                global_domains.append(domain)
            elif rule.groups & own_groups:
                own_domains.append(domain)
            elif rule.groups & user_groups:
                supervising.append(domain)
        if supervising:
            own_domains.append(expression.AND([expression.OR(supervising), scope]))
        elif not own_domains and scope is not expression.FALSE_DOMAIN:
            # no rule of any of the user's groups: the model is open to whoever has its access right
            # (the access log for supervisors); a branch head reads their branches' rows of it
            own_domains.append(scope)
        if not own_domains:
            return expression.AND(global_domains) if global_domains else []
        return expression.AND([*global_domains, expression.OR(own_domains)])

    @staticmethod
    def _vip_branch_scope(Model):
        """What a branch head reads of ``Model`` as a supervisor: the rows of the clients of their
        branches, or of their branches (a manager's figures in a branch); of the other VIP models nothing
        by the supervisors' rules. The domains are read when the query runs (``is_in_my_branch``,
        ``is_headed_by_me``), not when the rules are cached."""
        fields_ = Model._fields
        if Model._name == "vip.dossier":
            return [("is_in_my_branch", "=", True)]
        if "dossier_id" in fields_ and fields_["dossier_id"].comodel_name == "vip.dossier":
            return [("dossier_id.is_in_my_branch", "=", True)]
        if "branch_id" in fields_ and fields_["branch_id"].comodel_name == "vip.branch":
            return [("branch_id.is_headed_by_me", "=", True)]
        return expression.FALSE_DOMAIN

    def _make_access_error(self, operation, records):
        if records._vip_names_confidential():
            records = records.browse()
        return super()._make_access_error(operation, records)


class Base(models.AbstractModel):
    _inherit = "base"  # pylint: disable=consider-merging-classes-inherited

    def _vip_names_confidential(self):
        """Whether a record of this model may show a client's data in its name."""
        return bool(
            is_protected_model(self._name)
            or self._name in CARD_DETAILS
            or self._vip_pointer_specs()
            or self._vip_detail_fields()
        )
