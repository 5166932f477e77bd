# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Registry-wide guard of the records that point at VIP data.

Core models point at any record by a (model, id) pair: activities, messages,
followers, attachments, calendar events, ratings, scheduled messages, composers,
template previews, ``ir.model.data``... Their own access checks trust the pair
once a record exists, so an employee who writes ``res_id`` of their own
activity to a client's dossier reads the client's name through ``res_name``;
search domains on the pair tell who is a client. Rather than patching each of
them, every model of the registry is guarded here by what its fields are:

* a ``Many2oneReference`` (with its ``model_field``), an integer ``res_id``
  beside a ``res_model``/``model`` char, a list of ``res_ids`` beside it, or a
  ``Reference`` field is a *pointer*;
* a pointer at a record of a VIP model (``vip.*``) is visible (search, count,
  group, read, order) only to who may read that record, through that record's
  own row rules — the one membership definition behind them;
* setting such a pointer (create, write, onchange, defaults) needs the right to
  contribute to that record: for a client, being one of its managers or top
  management (not emergency readers); for other VIP records, write access.

A module added later that brings a new model with such fields is guarded with
no code of its own; ``tests/test_vip_insider.py`` walks the registry to hold it.
Superuser code is trusted: it acts for the system, never on a user's say-so
without its own check.
"""

import ast
import functools

from odoo import api, models, tools
from odoo.exceptions import AccessError, ValidationError
from odoo.osv import expression

VIP_PREFIX = "vip."
MODEL_NAME_FIELDS = ("res_model", "model")


def is_vip_model(name):
    return isinstance(name, str) and name.startswith(VIP_PREFIX)


def _parse_ids(value):
    """The ids of a ``res_ids``-style value: a list, or its text (``"[1, 2]"``)."""
    if not value:
        return []
    if isinstance(value, str):
        try:
            value = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            return []
    if isinstance(value, int):
        return [value]
    if isinstance(value, (list, tuple)):
        return [v for v in value if isinstance(v, int)]
    return []


class Base(models.AbstractModel):
    _inherit = "base"

    @api.model
    @tools.ormcache()
    def _vip_pointer_specs(self):
        """The pointer fields of this model, as ``(kind, model_field, id_field)``.

        ``kind`` is ``ref`` (one id, its model in ``model_field``), ``ids`` (a
        list of ids as text) or ``reference`` (``"model,id"`` in one field).
        """
        specs = []
        for name, field in self._fields.items():
            if field.type == "many2one_reference" and field.model_field:
                specs.append(("ref", field.model_field, name))
            elif field.type == "reference":
                specs.append(("reference", None, name))
            elif name in ("res_id", "res_ids") and field.type in ("integer", "char", "text"):
                model_field = next(
                    (f for f in MODEL_NAME_FIELDS if self._fields.get(f) and self._fields[f].type == "char"), None
                )
                if model_field:
                    specs.append(("ref" if name == "res_id" else "ids", model_field, name))
        return tuple(specs)

    @api.model
    @tools.ormcache()
    def _vip_pointer_trigger_fields(self):
        """Fields whose change may move a pointer (the pair, and a model chosen by ``ir.model`` id)."""
        names = {f for _kind, model_field, id_field in self._vip_pointer_specs() for f in (model_field, id_field) if f}
        names.update(
            name
            for name, field in self._fields.items()
            if field.type == "many2one" and field.comodel_name == "ir.model"
        )
        return frozenset(names)

    @api.model
    @tools.ormcache()
    def _vip_relational_fields(self):
        """Many2one and many2many fields of this model onto VIP models: ``(name, comodel)``."""
        return tuple(
            (name, field.comodel_name)
            for name, field in self._fields.items()
            if field.type in ("many2one", "many2many") and field.store and is_vip_model(field.comodel_name)
        )

    @api.model
    @tools.ormcache()
    def _vip_same_client_fields(self):
        """Fields of a VIP record that must stay within its own client (``dossier_id``).

        A many2one onto another record of a client (a relative, a key date, a
        trusted person), or onto a core record that points at a document (a
        task, an event, a file).
        """
        dossier = self._fields.get("dossier_id")
        if not is_vip_model(self._name) or not dossier or dossier.comodel_name != "vip.dossier":
            return ()
        names = []
        for name, field in self._fields.items():
            if name == "dossier_id" or field.type != "many2one" or not field.store:
                continue
            comodel = self.env[field.comodel_name]
            target_dossier = comodel._fields.get("dossier_id")
            if (target_dossier and target_dossier.comodel_name == "vip.dossier") or comodel._vip_pointer_specs():
                names.append(name)
        return tuple(names)

    @api.model
    @tools.ormcache()
    def _vip_relation_trigger_fields(self):
        names = {name for name, _comodel in self._vip_relational_fields()}
        names.update(self._vip_same_client_fields())
        if names and "dossier_id" in self._fields:
            names.add("dossier_id")
        return frozenset(names)

    def _vip_check_relations(self, fnames):
        """Pointers of ``self`` set through ``fnames`` point only where they may.

        A user sets a pointer onto a VIP record only if they may read it, and
        ``dossier_id`` (which moves a record to a client) only onto a client
        they may write. A VIP record's pointers stay within its own client,
        whoever sets them.
        """
        if not self.env.su:
            for name, comodel in self._vip_relational_fields():
                if name not in fnames:
                    continue
                # sudo: the ids just written, checked below with the user's rights
                targets = self.env[comodel].browse(self.sudo()[name].ids)
                targets.check_access("write" if name == "dossier_id" and comodel == "vip.dossier" else "read")
        same_client = [name for name in self._vip_same_client_fields() if name in fnames or "dossier_id" in fnames]
        if not same_client:
            return
        # sudo: comparing the clients of linked records, whatever the user may read of them
        for record in self.sudo():
            for name in same_client:
                target = record[name]
                if not target or not record.dossier_id:
                    continue
                if "dossier_id" in target._fields:
                    owner_ok = target.dossier_id == record.dossier_id
                else:  # a task, an event, a file: it points at this very client
                    owner_ok = target._vip_pointer_targets().get(target.id) == {"vip.dossier": {record.dossier_id.id}}
                if not owner_ok:
                    raise ValidationError(
                        self.env._(
                            "%(field)s must belong to the same client as this record (%(document)s).",
                            field=record._fields[name].string,
                            document=self._description,
                        )
                    )

    # ------------------------------------------------------------------
    # what a pointer points at
    # ------------------------------------------------------------------
    def _vip_pointer_targets(self):
        """``{record: {vip model: ids}}`` for the records of ``self`` that point at VIP records."""
        result = {}
        specs = self._vip_pointer_specs()
        # sudo: reading the pair of the very records whose access is being decided
        for record in self.sudo():
            targets = {}
            for kind, model_field, id_field in specs:
                value = record[id_field]
                if kind == "reference":
                    if value and is_vip_model(value._name):
                        targets.setdefault(value._name, set()).add(value.id)
                    continue
                model = record[model_field]
                if is_vip_model(model) and model in self.env:
                    ids = _parse_ids(value) if kind == "ids" else ([value] if value else [])
                    if ids:
                        targets.setdefault(model, set()).update(ids)
            if targets:
                result[record.id] = targets
        return result

    @api.model
    def _vip_pointer_targets_in_values(self, vals):
        """``{vip model: ids}`` that ``vals`` (with the context's defaults) would point at."""
        targets = {}

        def get(name):
            if name in vals:
                return vals[name]
            return self.env.context.get(f"default_{name}")

        for kind, model_field, id_field in self._vip_pointer_specs():
            value = get(id_field)
            if kind == "reference":
                if isinstance(value, str) and "," in value:
                    model, _sep, res_id = value.partition(",")
                    if is_vip_model(model) and res_id.strip().isdigit():
                        targets.setdefault(model, set()).add(int(res_id))
                continue
            model = get(model_field)
            if not model and (model_id := get(f"{model_field}_id")) and isinstance(model_id, int):
                model = self.env["ir.model"].sudo().browse(model_id).model
            if is_vip_model(model) and model in self.env:
                ids = _parse_ids(value) if kind == "ids" else ([value] if isinstance(value, int) and value else [])
                if ids:
                    targets.setdefault(model, set()).update(ids)
        return targets

    @api.model
    def _vip_forbidden_targets(self, model, ids, operation):
        """The ids of ``model`` that the current user may not ``operation`` (``read`` or ``post``)."""
        records = self.env[model].browse(ids)
        readable = records._filtered_access("read")
        if operation == "post":
            if hasattr(readable, "_vip_filtered_contributable"):
                readable = readable._vip_filtered_contributable()
            else:
                readable = readable._filtered_access("write")
        return set(ids) - set(readable.ids)

    def _vip_check_pointers(self, operation):
        """Raise unless the current user may ``operation`` every VIP record that ``self`` points at."""
        for targets in self._vip_pointer_targets().values():
            self._vip_raise_if_forbidden(targets, operation)

    @api.model
    def _vip_raise_if_forbidden(self, targets, operation):
        for model, ids in targets.items():
            if self._vip_forbidden_targets(model, ids, operation):
                raise AccessError(
                    self.env._(
                        "This record (%(document)s) cannot be linked to a VIP client's data: only the client's "
                        "managers and top management link records to it.",
                        document=self._description,
                    )
                )

    # ------------------------------------------------------------------
    # the doors: search, access checks, create, write, onchange, defaults
    # ------------------------------------------------------------------
    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not self.env.su and self._vip_pointer_specs():
            domain = expression.AND([domain, self._vip_pointer_domain()])
        return super()._search(domain, offset=offset, limit=limit, order=order)

    @api.model
    def _vip_pointer_domain(self):
        """Rows that point at no VIP record, or at VIP records the user can read (as subqueries)."""
        vip_models = [name for name in self.env.registry if is_vip_model(name) and not self.env[name]._abstract]
        readable = {
            name: self.env[name]._search([])
            for name in vip_models
            if not self.env[name]._transient and self.env[name].has_access("read")
        }
        domain = []
        for kind, model_field, id_field in self._vip_pointer_specs():
            if kind != "ref" or not self._fields[id_field].store or not self._fields[model_field].store:
                continue  # lists and references are not searchable as ids; their records are checked on access
            field_domain = [(model_field, "not in", vip_models)]
            for name, query in readable.items():
                field_domain = expression.OR([field_domain, [(model_field, "=", name), (id_field, "in", query)]])
            domain = expression.AND([domain, ["|", (model_field, "=", False), *field_domain]])
        return domain

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if self.env.su or not self._vip_pointer_specs():
            return result
        candidates = self.browse(id_ for id_ in self._ids if isinstance(id_, int))
        if result:
            candidates -= result[0]
        if not candidates:
            return result
        mode = "read" if operation == "read" else "post"
        forbidden_ids = [
            record_id
            for record_id, targets in candidates._vip_pointer_targets().items()
            if any(self._vip_forbidden_targets(model, ids, mode) for model, ids in targets.items())
        ]
        if not forbidden_ids:
            return result
        forbidden = self.browse(forbidden_ids)
        if result:
            return result[0] + forbidden, result[1]
        return forbidden, functools.partial(self.env["ir.rule"]._make_access_error, operation, forbidden)

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if not self.env.su and self._vip_pointer_specs():
            records._vip_check_pointers("post")
        if self._vip_relation_trigger_fields():
            records._vip_check_relations(set().union(*vals_list) if vals_list else set())
        return records

    def write(self, vals):
        result = super().write(vals)
        if not self.env.su and self._vip_pointer_specs() and not self._vip_pointer_trigger_fields().isdisjoint(vals):
            self._vip_check_pointers("post")
        if not self._vip_relation_trigger_fields().isdisjoint(vals):
            self._vip_check_relations(set(vals))
        return result

    def onchange(self, values, field_names, fields_spec):
        # a form of a new record computes what it shows before anything is saved
        if not self.env.su and self._vip_pointer_specs():
            self._vip_raise_if_forbidden(self._vip_pointer_targets_in_values(values), "read")
        return super().onchange(values, field_names, fields_spec)

    @api.model
    def default_get(self, fields_list):
        if not self.env.su and self._vip_pointer_specs():
            self._vip_raise_if_forbidden(self._vip_pointer_targets_in_values({}), "read")
        return super().default_get(fields_list)
