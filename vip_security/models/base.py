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
import math
from collections import defaultdict

from odoo import api, models, tools
from odoo.exceptions import AccessError, ValidationError
from odoo.osv import expression
from odoo.tools import SQL

VIP_PREFIX = "vip."
# a VIP client's contact card is protected like the client (vip_client marks it)
CARD_MODEL = "res.partner"
# rows that show a contact's own data (a follower its name and e-mail, an attendee copies of its
# name, e-mail and phone), or a meeting with the client (its title, its place), read only by who may
# read the contact when it is a client's card: a many2one, or a many2many (any of them)
CARD_DETAILS = {
    "mail.followers": "partner_id",
    "calendar.attendee": "partner_id",
    "calendar.event": "partner_ids",
    # a notification to the client: its author tells who manages the client, its mail the subject
    "mail.notification": "res_partner_id",
    # the client's bank accounts
    "res.partner.bank": "partner_id",
}
# what the policy derives and stores: computed by the system only. The ORM lets a caller write a stored
# computed field; a manager adding a colleague to their client's members, or unmarking its card, would
# open the client to them.
SYSTEM_FIELDS = {
    "vip.dossier": frozenset({"member_user_ids", "emergency_user_ids"}),
    "res.partner": frozenset({"vip_client", "vip_reader_user_ids"}),
}
MODEL_NAME_FIELDS = ("res_model", "model")
# rows with no pointer of their own, guarded by their own access check (``mail_notification.py``): a link
# onto them (a resend wizard's notification, whose recipient and failure it shows) needs to read them
SELF_GUARDED = frozenset({"mail.notification"})


def is_vip_model(name):
    return isinstance(name, str) and name.startswith(VIP_PREFIX)


def is_protected_model(name):
    """A model whose records may be a VIP client's data: the VIP models, and contacts (a client's card)."""
    return is_vip_model(name) or name == CARD_MODEL


def _as_id(value):
    """An id as the ORM would store it from what a caller sent: ``2``, ``"2"``, ``2.0``, ``2.5`` (which
    the ORM truncates to 2), and ``true`` (a bool is an int to Python: the ORM stores 1); else ``None``."""
    if isinstance(value, bool):
        return 1 if value else None
    if isinstance(value, int):
        return value
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return int(number) if math.isfinite(number) else None


def _parse_ids(value):
    """The ids of a ``res_ids``-style value: a list, or its text (``"[1, 2]"``), or one id."""
    if not value:
        return []
    if isinstance(value, str):
        try:
            value = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            return []
    if isinstance(value, (list, tuple)):
        return [i for i in map(_as_id, value) if i]
    one = _as_id(value)
    return [one] if one else []


def linked_ids(field_type, value):
    """``(ids, nested values)`` that a relational field's value links to, as a form sends it: an id, a
    ``{"id": …}`` or ``(id, name)`` for a many2one; commands (or ids) for a many2many or one2many. A dict
    is a record in the making (the ORM makes a new record of its values, on the id as its origin): its
    other values are nested values, linked like a new line's."""
    if field_type == "many2one":
        nested = []
        if isinstance(value, dict):
            nested = [{key: item for key, item in value.items() if key != "id"}]
            value = value.get("id")
        elif isinstance(value, (list, tuple)):
            value = value[0] if value else None
        one = _as_id(value)
        return ([one] if one else []), [line for line in nested if line]
    ids, nested = [], []
    for command in value if isinstance(value, (list, tuple)) else ():
        if isinstance(command, dict):
            ids += _parse_ids(command.get("id"))
            nested.append({key: item for key, item in command.items() if key != "id"})
            continue
        if not isinstance(command, (list, tuple)):
            ids += _parse_ids(command)
            continue
        code = command[0] if command else None
        if code in (0, 1) and len(command) > 2 and isinstance(command[2], dict):
            nested.append(command[2])
        if code in (1, 4) and len(command) > 1:
            ids += _parse_ids(command[1])
        elif code == 6 and len(command) > 2:
            ids += _parse_ids(command[2])
    return ids, nested


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
    def _vip_is_relay(self):
        """A document with a chatter that itself points at a record (a client's calendar event): what
        points at it (its followers, messages, tasks) is guarded through what it points at."""
        return (
            not is_protected_model(self._name)
            and "message_ids" in self._fields
            and any(kind == "ref" and self._fields[id_field].store for kind, _m, id_field in self._vip_pointer_specs())
        )

    @api.model
    @tools.ormcache()
    def _vip_detail_fields(self):
        """Many2one fields onto the guarded document that a row details (a client's event's attendees,
        with the client's name, e-mail and phone): the row is visible only when that document is."""
        if self._vip_pointer_specs():
            return ()
        return tuple(
            name
            for name, field in self._fields.items()
            if field.type == "many2one"
            and field.store
            and (field.required or field.ondelete == "cascade")
            and self.env[field.comodel_name]._vip_is_relay()
        )

    def _vip_guarded(self, model):
        """Whether a pointer at a record of ``model`` is guarded."""
        return is_protected_model(model) or (model in self.env and self.env[model]._vip_is_relay())

    def _vip_guarded_target(self, model):
        """Whether a record given as a document (a composer's model and ids, a new task's) is checked: the
        guarded models, and the rows guarded on their own — those that point at a record (a task, a
        mail), that show a contact's data (an attendee), notifications. Core computes the document's
        name as the system: a composer pointed at a task on a client, its mail or an attendee told any
        employee the client's name."""
        if self._vip_guarded(model):
            return True
        return model in self.env and (
            model in CARD_DETAILS or model in SELF_GUARDED or bool(self.env[model]._vip_pointer_specs())
        )

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
        """Many2one and many2many fields of this model onto records that may be a VIP client's data:
        ``(name, comodel)``. The VIP models, contacts (a client's card), and the core models that point at
        a record (a message, a task, an event of a client)."""
        return tuple(
            (name, field.comodel_name)
            for name, field in self._fields.items()
            if field.type in ("many2one", "many2many")
            and field.store
            and self.env[field.comodel_name]._vip_link_checked()
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
                if self._name == "vip.dossier" and name == "partner_id":
                    continue  # the client's own card: checked by the dossier before it is written
                # sudo: the ids just written, checked with the user's rights
                mode = "write" if name == "dossier_id" and comodel == "vip.dossier" else "read"
                self._vip_check_linkable(comodel, self.sudo()[name].ids, mode)
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

    @api.model
    @api.model
    def _vip_link_checked(self):
        """Whether a link onto this model is checked: records that may be a client's data (VIP records,
        contacts), rows that point at a record, and rows guarded on their own (notifications): a wizard
        linked to them computes their fields as the system."""
        return is_protected_model(self._name) or self._name in SELF_GUARDED or bool(self._vip_pointer_specs())

    def _vip_check_linkable(self, comodel, ids, mode="read"):
        """Raise unless the user may link to the records ``ids`` of ``comodel``: read them when they are
        VIP records (``mode``), notifications, or a client's card; for a message, a task or an event,
        read the client it points at."""
        targets = self.env[comodel].browse(ids)
        if is_vip_model(comodel) or comodel in SELF_GUARDED:
            targets.check_access(mode)
        elif comodel == CARD_MODEL:
            self._vip_raise_if_forbidden({comodel: set(targets.ids)}, "read")
        else:
            for pointed in targets._vip_pointer_targets().values():
                self._vip_raise_if_forbidden(pointed, "read")

    @api.model
    def _vip_check_linked_values(self, values):
        """Raise unless the user may read every client's record that ``values`` links to, in nested
        lines too. A new record in a form (``onchange``, defaults) computes its related fields as the
        system: a link to another client's card or dossier would return its name, e-mail and phone."""
        for model, ids in self._vip_linked_in_values(values):
            self._vip_check_linkable(model, ids)

    @api.model
    def _vip_linked_in_values(self, values):
        """``(model, ids)`` of each link of ``values`` (nested lines too) onto records that may be a
        client's data: VIP records, contacts, and what points at a record."""
        for name, value in values.items():
            field = self._fields.get(name)
            if not field or field.type not in ("many2one", "many2many", "one2many") or not value:
                continue
            comodel = self.env[field.comodel_name]
            ids, nested = linked_ids(field.type, value)
            if ids and comodel._vip_link_checked():
                yield comodel._name, ids
            for line in nested:
                yield from comodel._vip_linked_in_values(line)
                if comodel._vip_pointer_specs():
                    # a line that points at a record by (model, id): a task or a message in the making
                    for model, pointed in comodel._vip_pointer_targets_in_values(line).items():
                        yield model, list(pointed)

    # ------------------------------------------------------------------
    # what a pointer points at
    # ------------------------------------------------------------------
    def _vip_pointer_targets(self):
        """``{record: {vip model: ids}}`` for the records of ``self`` that point at VIP records."""
        result = {}
        specs = self._vip_pointer_specs()
        # sudo: reading the pair of the very records whose access is being decided; only the pair: what the
        # system reads stays in the cache, where a later read by the user would find it unchecked
        for record in self.sudo().with_context(prefetch_fields=False):
            targets = {}
            for kind, model_field, id_field in specs:
                value = record[id_field]
                if kind == "reference":
                    if value and self._vip_guarded_target(value._name):
                        targets.setdefault(value._name, set()).add(value.id)
                    continue
                model = record[model_field]
                # a row guarded on its own too (a task, a mail, an attendee): pointed at later by a write,
                # core computes its name as the system just the same (round 17)
                if model in self.env and self._vip_guarded_target(model):
                    ids = _parse_ids(value)
                    if ids:
                        targets.setdefault(model, set()).update(ids)
            if targets:
                result[record.id] = targets
        return result

    @api.model
    def _vip_pointer_targets_in_values(self, vals):
        """``{vip model: ids}`` that ``vals`` (with the context's defaults) would point at.

        The context's ``active_model``/``active_id(s)`` count too: wizards take
        their document from them (the SMS composer does).
        """
        targets = {}
        context = self.env.context
        active_model = context.get("active_model")
        # any document a row would take from the context, the rows guarded on their own included: a
        # composer given only ``active_model`` takes it as its model (round 17)
        if isinstance(active_model, str) and active_model in self.env and self._vip_guarded_target(active_model):
            active = _parse_ids(context.get("active_ids")) + _parse_ids(context.get("active_id"))
            if active:
                targets.setdefault(active_model, set()).update(active)

        def get(name):
            if name in vals:
                return vals[name]
            return context.get(f"default_{name}")

        context_ids = (
            _parse_ids(context.get("composer_force_res_ids"))
            + _parse_ids(context.get("active_ids"))
            + _parse_ids(context.get("active_id"))
        )

        for kind, model_field, id_field in self._vip_pointer_specs():
            value = get(id_field)
            if kind == "reference":
                if isinstance(value, str) and "," in value:
                    model, _sep, res_id = value.partition(",")
                    if self._vip_guarded_target(model) and _as_id(res_id.strip()):
                        targets.setdefault(model, set()).add(_as_id(res_id.strip()))
                continue
            model = get(model_field)
            if not model and (model_id := _as_id(get(f"{model_field}_id"))):
                model = self.env["ir.model"].sudo().browse(model_id).exists().model
            if model in self.env and self._vip_guarded_target(model):
                # composers take their documents from the context too, whatever active_model says: a
                # list of documents (``res_ids``), or a document not given (an SMS composer's ``res_id``)
                ids = _parse_ids(value)
                if context_ids and (not ids or id_field.endswith("_ids")):
                    ids += context_ids
                if ids:
                    targets.setdefault(model, set()).update(ids)
        return targets

    @api.model
    def _vip_forbidden_targets(self, model, ids, operation):
        """The ids of ``model`` that the current user may not ``operation`` (``read`` or ``post``)."""
        records = self.env[model].browse(ids)
        if records._vip_is_relay():
            # an event of a client: forbidden when what it points at is
            return {
                record_id
                for record_id, pointed in records._vip_pointer_targets().items()
                if any(self._vip_forbidden_targets(m, i, "read") for m, i in pointed.items())
            }
        if model == CARD_MODEL:
            # only a VIP client's card is guarded here; linking to a readable card is the card's own business
            # sudo: which of the given contacts are clients' cards, nothing is returned
            cards = records.sudo().with_context(prefetch_fields=False).filtered("vip_client")
            # changing another's row on a client's card (their meeting with the client) is changing the card
            mode = "write" if operation == "write" else "read"
            return set(cards.ids) - set(records.browse(cards.ids)._filtered_access(mode).ids)
        readable = records._filtered_access("read")
        if operation == "post" and hasattr(readable, "_vip_filtered_contributable"):
            readable = readable._vip_filtered_contributable()
        elif operation in ("post", "write"):
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
        if not self.env.su and self._vip_detail_fields():
            domain = expression.AND([domain, self._vip_detail_domain()])
        query = super()._search(domain, offset=offset, limit=limit, order=order)
        if not self.env.su:
            for hidden in self._vip_hidden_card_rows_sql(query.table):
                query.add_where(SQL("NOT %s", hidden))
        return query

    @api.model
    def _vip_hidden_card_rows_sql(self, alias):
        """SQL conditions true for the rows of ``alias`` that show or point at a client's card the user
        may not read: through the contact a row details (``CARD_DETAILS``), and through a pointer at a
        contact (a follower, an event, a file on the card). Row by row through primary keys: a follower
        search stays a few index lookups."""
        Partner = self.env[CARD_MODEL]
        conditions = []
        if card_field := CARD_DETAILS.get(self._name):
            field = self._fields[card_field]
            if field.type == "many2one":
                hidden = Partner._vip_hidden_card_sql(SQL.identifier(alias, card_field))
            else:
                hidden = Partner._vip_hidden_card_sql(SQL.identifier("vip_link", field.column2))
                if hidden is not None:
                    hidden = SQL(
                        "EXISTS (SELECT 1 FROM %s vip_link WHERE %s = %s AND %s)",
                        SQL.identifier(field.relation),
                        SQL.identifier("vip_link", field.column1),
                        SQL.identifier(alias, "id"),
                        hidden,
                    )
            if hidden is not None:
                conditions.append(hidden)
        for kind, model_field, id_field in self._vip_pointer_specs():
            if kind != "ref" or not self._fields[id_field].store or not self._fields[model_field].store:
                continue
            hidden = Partner._vip_hidden_card_sql(SQL.identifier(alias, id_field))
            if hidden is not None:
                conditions.append(SQL("(%s = %s AND %s)", SQL.identifier(alias, model_field), CARD_MODEL, hidden))
        return conditions

    @api.model
    def _vip_detail_domain(self):
        """Rows whose record is not hidden by the guard (as ``NOT IN`` the few hidden ones)."""
        domain = []
        for name in self._vip_detail_fields():
            Parent = self.env[self._fields[name].comodel_name]
            # sudo: the hidden records, selected by the user's own guard domain below
            hidden = Parent.sudo().with_context(active_test=False)._search(Parent._vip_hidden_domain())
            domain = expression.AND([domain, ["|", (name, "=", False), "!", (name, "in", hidden)]])
        return domain

    @api.model
    def _vip_hidden_domain(self):
        """Rows of this model that point at a guarded record the user may not read."""
        allowed = self._vip_pointer_domain()
        return ["!", *expression.normalize_domain(allowed)] if allowed else [(0, "=", 1)]

    @api.model
    @tools.ormcache()
    def _vip_registry_kinds(self):
        """``(VIP models, VIP documents, relays)`` of the registry, by name.

        Documents are the VIP models that core records point at in practice: those with a chatter
        (messages, followers, tasks) or with files (binary fields kept as attachments). Rows that
        point at another VIP model are hidden from everyone but the system: no screen makes them,
        and a subquery per VIP model would cost every search of messages and followers.
        """
        vip_models, documents, relays = [], [], []
        for name in self.env.registry:
            Model = self.env[name]
            if Model._abstract:
                continue
            if is_vip_model(name):
                vip_models.append(name)
                has_files = any(f.type in ("binary", "image") and f.attachment for f in Model._fields.values())
                if not Model._transient and ("message_ids" in Model._fields or has_files):
                    documents.append(name)
            elif Model._vip_is_relay():
                relays.append(name)
        return tuple(vip_models), tuple(documents), tuple(relays)

    @api.model
    def _vip_pointer_domain(self):
        """Rows that point at no VIP record, or at VIP records the user can read (as subqueries)."""
        vip_models, documents, relays = self._vip_registry_kinds()
        readable = {name: self.env[name]._search([]) for name in documents if self.env[name].has_access("read")}
        domain = []
        for kind, model_field, id_field in self._vip_pointer_specs():
            if kind != "ref" or not self._fields[id_field].store or not self._fields[model_field].store:
                continue  # lists and references are not searchable as ids; their records are checked on access
            field_domain = [(model_field, "not in", vip_models)]
            for name, query in readable.items():
                field_domain = expression.OR([field_domain, [(model_field, "=", name), (id_field, "in", query)]])
            domain = expression.AND([domain, ["|", (model_field, "=", False), *field_domain]])
            # a relay's own rows stop here (no recursion); messages are filtered by their document's
            # access by mail itself, which the relay's guard answers
            for name in relays if not self._vip_is_relay() and self._name != "mail.message" else ():
                # what points at a client's event: hidden with the event (NOT IN the few hidden events)
                Relay = self.env[name]
                hidden = Relay.sudo().with_context(active_test=False)._search(Relay._vip_hidden_domain())
                domain = expression.AND([domain, ["|", (model_field, "!=", name), "!", (id_field, "in", hidden)]])
        return domain

    def _check_access(self, operation):
        result = super()._check_access(operation)
        card_field = CARD_DETAILS.get(self._name)
        if self.env.su or not (self._vip_pointer_specs() or self._vip_detail_fields() or card_field):
            return result
        candidates = self.browse(id_ for id_ in self._ids if isinstance(id_, int))
        if result:
            candidates -= result[0]
        if not candidates:
            return result
        modes = candidates._vip_pointer_modes(operation)
        forbidden_ids = [
            record_id
            for record_id, targets in candidates._vip_pointer_targets().items()
            if any(self._vip_forbidden_targets(model, ids, modes[record_id]) for model, ids in targets.items())
        ]
        # a row detailing a client's event (an attendee) is added only by who may change the client: its
        # attendance is the meeting's; changed or removed by who made it, or by who may change the client
        detail_modes = {row_id: "write" if operation == "create" else mode for row_id, mode in modes.items()}
        for name in self._vip_detail_fields():
            # sudo: the record each row details, whose own guard decides; one decision per mode and target
            # model for all the rows at once
            rows = candidates.sudo().filtered(name)
            pointed = rows[name]._vip_pointer_targets()
            wanted = defaultdict(set)
            for row in rows:
                for model, ids in pointed.get(row[name].id, {}).items():
                    wanted[detail_modes[row.id], model].update(ids)
            refused = {key: self._vip_forbidden_targets(key[1], ids, key[0]) for key, ids in wanted.items()}
            forbidden_ids += [
                row.id
                for row in rows
                if any(
                    refused[detail_modes[row.id], model] & ids for model, ids in pointed.get(row[name].id, {}).items()
                )
            ]
        if card_field:
            # sudo: the contacts of each row, whose own readability (or, to change another's row, writability)
            # decides
            rows = candidates.sudo()
            for mode in set(modes.values()):
                rows_in_mode = rows.filtered(lambda row, m=mode: modes[row.id] == m)
                blocked = self._vip_forbidden_targets(CARD_MODEL, set(rows_in_mode[card_field].ids), mode)
                forbidden_ids += [row.id for row in rows_in_mode if blocked & set(row[card_field].ids)]
        return self._vip_add_forbidden(result, self.browse(forbidden_ids), operation)

    def _vip_pointer_modes(self, operation):
        """``{id: mode}``: what each row needs of the record it points at for ``operation``. Reading it
        needs reading the record; adding a row, contributing to it (a comment, a task). Changing or
        deleting another's row (a manager's meeting, a task given by someone else) needs writing the
        record: top management, read-only on clients, changes only what it made itself."""
        if operation == "read":
            return dict.fromkeys(self.ids, "read")
        if operation == "create":
            return dict.fromkeys(self.ids, "post")
        uid = self.env.uid
        # sudo: who made each row, and whom it is given to
        return {
            row.id: "post"
            if row.create_uid.id == uid or ("user_id" in row._fields and row.user_id.id == uid)
            else "write"
            for row in self.sudo()
        }

    def _vip_add_forbidden(self, result, forbidden, operation):
        """``result`` of ``_check_access`` with the records ``forbidden`` added to those it refuses."""
        if not forbidden:
            return result
        if result:
            return result[0] + forbidden, result[1]
        return forbidden, functools.partial(self.env["ir.rule"]._make_access_error, operation, forbidden)

    @api.model_create_multi
    def create(self, vals_list):
        # what a new record gets: its values, and the defaults the caller's context gives
        fnames = set().union(*vals_list) if vals_list else set()
        fnames |= self._vip_context_default_fields()
        self._vip_check_system_fields(fnames)
        if not self.env.su and is_vip_model(self._name):
            # core checks a field's groups on write, not on create (nor on copy, which creates): the marks a
            # VIP model keeps for the system (a relative's condolence, a key date's last reminder) would be
            # set at birth (round 19)
            self.check_field_access_rights("create", sorted(fnames))
        if not self.env.su and self._vip_pointer_specs():
            # what the new rows will point at, the context's documents included (a composer computes its
            # record's name from ``composer_force_res_ids`` as the system, before its own ids are checked)
            # one check for the whole batch, not one per row
            targets = {}
            for vals in vals_list:
                for model, ids in self._vip_pointer_targets_in_values(vals).items():
                    targets.setdefault(model, set()).update(ids)
            self._vip_raise_if_forbidden(targets, "read")
        records = super().create(vals_list)
        if not self.env.su and self._vip_pointer_specs():
            records._vip_check_pointers("post")
        if self._vip_relation_trigger_fields():
            records._vip_check_relations(fnames)
        return records

    @api.model
    def _vip_creation_values(self, vals_list):
        """What each new record is created with: its values and the defaults it gets (the context's
        ``default_*``, defaults the user saved in ``ir.default``, the fields' own). A check of what a user
        may set at creation reads these, never the values alone: round 21 set a request's state, a key
        date's source, a line's source, a client's deputy and a reminder's figures through saved defaults."""
        return [self._add_missing_default_values(dict(vals)) for vals in vals_list]

    @api.model
    def _vip_context_default_fields(self):
        """The fields a new record may get by default from its creator: a ``default_<field>`` of the
        caller's context, or a default the user saved (``ir.default``, for them or their company)."""
        names = {key[8:] for key in self.env.context if key.startswith("default_") and key[8:] in self._fields}
        # saved defaults matter only where a field is checked (links, what the system derives): most
        # models' creations need not look them up
        checked = self._vip_relation_trigger_fields() | SYSTEM_FIELDS.get(self._name, frozenset())
        if not self.env.su and (checked or self._name == "mail.activity"):
            names.update(
                name for name in self.env["ir.default"]._get_model_defaults(self._name) if name in self._fields
            )
        return names

    def write(self, vals):
        self._vip_check_system_fields(set(vals))
        result = super().write(vals)
        if not self.env.su and self._vip_pointer_specs() and not self._vip_pointer_trigger_fields().isdisjoint(vals):
            self._vip_check_pointers("post")
        if not self._vip_relation_trigger_fields().isdisjoint(vals):
            self._vip_check_relations(set(vals))
        return result

    @api.model
    def _vip_check_system_fields(self, fnames):
        if not self.env.su and (system := SYSTEM_FIELDS.get(self._name)) and not system.isdisjoint(fnames):
            raise AccessError(
                self.env._(
                    "Who may read a VIP client is derived from its managers and emergency grants: "
                    "%(fields)s cannot be set by hand.",
                    fields=", ".join(self._fields[name].string for name in sorted(system & fnames)),
                )
            )

    def onchange(self, values, field_names, fields_spec):
        # a form of a new record computes what it shows before anything is saved, as the system
        if not self.env.su:
            if self._vip_pointer_specs():
                self._vip_raise_if_forbidden(self._vip_pointer_targets_in_values(values), "read")
            if isinstance(values, dict):
                self._vip_check_linked_values(values)
        return super().onchange(values, field_names, fields_spec)

    @api.model
    def default_get(self, fields_list):
        if not self.env.su:
            if self._vip_pointer_specs():
                self._vip_raise_if_forbidden(self._vip_pointer_targets_in_values({}), "read")
            prefix = "default_"
            defaults = {k[len(prefix) :]: v for k, v in self.env.context.items() if k.startswith(prefix)}
            self._vip_check_linked_values(defaults)
        result = super().default_get(fields_list)
        if not self.env.su and result:
            # what the form or the new record gets by default, a user's saved defaults (ir.default)
            # included: checked like values sent, before its related fields are computed as the system
            if self._vip_pointer_specs():
                self._vip_raise_if_forbidden(self._vip_pointer_targets_in_values(result), "read")
            self._vip_check_linked_values(result)
        return result
