# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, models
from odoo.http import request
from odoo.models import regex_field_agg
from odoo.tools import SQL

from .base import CARD_MODEL, is_vip_model

# the JSON-RPC method that read the data, and the channel it stands for
CHANNELS = {"web_read": "form", "web_search_read": "list", "web_read_group": "list", "export_data": "export"}
# the external API: every read through it is logged
API_PATHS = ("/jsonrpc", "/xmlrpc", "/json/")
# reading only these tells a record's name, as any link to it shows: not logged
NAME_ONLY = {"id", "display_name"}
# a grouped read over at most this many clients (a page) shows each one's figures: logged for each
FEW_CLIENTS = 80
# aggregates that return the rows' own values, not figures: a grouped read with them is a read of each row
VALUE_AGGREGATES = frozenset({"array_agg", "recordset"})
FIGURE_TYPES = frozenset({"integer", "float", "monetary", "date", "datetime", "boolean"})
# grouping by these returns each distinct value as a group: the rows' own values
VALUE_GROUP_TYPES = frozenset({"char", "text", "html", "binary"})


def returns_linked_data(value):
    """Whether an onchange's returned ``value`` (the record's own fields) holds linked records or lines
    read with more than their name."""
    stack = list(value.values())
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if set(item) - NAME_ONLY:
                return True
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
    return False


def shows_rows(model, fields, groupby):
    """Whether a ``read_group`` of ``model`` returns the rows' own values (a name, a phone, a note in
    an ``array_agg``, the ``max`` of a text, a group per phone number) rather than figures."""
    for spec in fields or ():
        if not isinstance(spec, str) or spec == "__count":
            continue
        match = regex_field_agg.match(spec)
        if not match:
            continue
        name, func, fname = match.groups()
        field = model._fields.get(fname or name)
        func = func or (field.aggregator if field else None)
        if func in VALUE_AGGREGATES or (func in ("min", "max") and field and field.type not in FIGURE_TYPES):
            return True
    for spec in [groupby] if isinstance(groupby, str) else groupby or ():
        field = model._fields.get(str(spec).split(":")[0].split(".")[0])
        if field and field.type in VALUE_GROUP_TYPES:
            return True
    return False


class _ServerOnly:
    """A context value that no request can carry (JSON has no such thing): the caller's context cannot
    switch the access log off, only server code can."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"<{self.name}>"


# the reads inside one that is logged already (an opened dossier's relatives, an export's sheets)
LOGGED = _ServerOnly("vip access logged")
# no read of the client's data (a benchmark's baseline)
NOT_A_READ = _ServerOnly("vip access not a read")


class VipAccessLoggedMixin(models.AbstractModel):
    """Every read of a client's data leaves one entry per client in the access log.

    A form, a list or kanban page, an API ``read``/``search_read``, an export,
    a list or pivot grouped by client (each group is one client's figures): the
    clients whose data was read are logged after the read succeeded, in one
    INSERT per call. Reads nested in a logged one (the relatives of an opened
    dossier) are covered by it. The models that hold a client's data inherit
    this mixin (``vip_dossier_logged.py``, and ``vip_calendar``'s key dates).

    The reading methods run in a read/write transaction: an audit entry is
    never lost because a request was routed to a read-only replica.
    """

    _name = "vip.access.logged.mixin"
    _description = "VIP Data Whose Reads Are Logged"

    def _vip_logged_dossiers(self):
        """The clients whose data ``self`` is."""
        # sudo: the client of each record read, for the log only
        return self.sudo().dossier_id

    def _vip_log_skipped(self):
        context = self.env.context
        return self.env.su or context.get("vip_access_log") in (LOGGED, NOT_A_READ)

    def _vip_log_read(self, channel=None):
        records = self.browse(id_ for id_ in self._ids if isinstance(id_, int))
        channel = channel or self._vip_read_channel()
        if not records or not channel:
            return
        # on a read-only request (a replica), the log refuses and Odoo serves the request again on the primary
        self.env["vip.access.log"]._log(records._vip_logged_dossiers(), channel=channel)

    def _vip_read_channel(self):
        """How the data was read: the form, a list, an export, or the API; ``None`` for a page's header.

        Reads through the model API (the web client's ``call_kw``, the
        external JSON-RPC and XML-RPC) and from server code are logged; other
        routes of the web client read only a record's header around what was
        logged already (the chatter of an opened form).
        """
        if not request:
            return "api"
        path = request.httprequest.path
        if path.startswith(API_PATHS):
            return "api"
        if not path.startswith(("/web/dataset/call_kw", "/web/dataset/call_button")):
            return None
        try:
            params = request.get_json_data().get("params") or {}
        except (ValueError, AttributeError):
            return "api"
        return CHANNELS.get(params.get("method"), "api")

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        if not self._vip_log_skipped() and not (fnames and set(fnames) <= NAME_ONLY):
            self._vip_log_read()
        return result

    def read(self, fields=None, load="_classic_read"):
        return super().read(fields=fields, load=load)

    @api.model
    def search_read(self, domain=None, fields=None, offset=0, limit=None, order=None, **read_kwargs):
        return super().search_read(domain=domain, fields=fields, offset=offset, limit=limit, order=order, **read_kwargs)

    def web_read(self, specification):
        if self._vip_log_skipped() or set(specification) <= NAME_ONLY:
            return super().web_read(specification)
        result = super(VipAccessLoggedMixin, self.with_context(vip_access_log=LOGGED)).web_read(specification)
        self._vip_log_read()
        return result

    @api.model
    def web_search_read(self, domain, specification, offset=0, limit=None, order=None, count_limit=None):
        return super().web_search_read(
            domain, specification, offset=offset, limit=limit, order=order, count_limit=count_limit
        )

    def export_data(self, fields_to_export):
        if self._vip_log_skipped():
            return super().export_data(fields_to_export)
        result = super(VipAccessLoggedMixin, self.with_context(vip_access_log=LOGGED)).export_data(fields_to_export)
        self._vip_log_read("export")
        return result

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        groups = super().read_group(domain, fields, groupby, offset=offset, limit=limit, orderby=orderby, lazy=lazy)
        if self._vip_log_skipped() or not (channel := self._vip_read_channel()):
            return groups
        groupby = [groupby] if isinstance(groupby, str) else list(groupby or ())
        if "dossier_id" in groupby[: 1 if lazy else None]:
            # grouped by client, each group is one client's data
            ids = {group["dossier_id"][0] for group in groups if group.get("dossier_id")}
        elif shows_rows(self, fields, groupby):
            # the rows' own values, however many clients: a read of each of them
            ids = self._vip_few_clients(domain, every=True)
        else:
            # figures of a handful of clients are theirs (one client's income by month); over many
            # clients (per manager, per tier), figures
            ids = self._vip_few_clients(domain)
        if ids:
            self.env["vip.access.log"]._log(self.env["vip.dossier"].browse(ids), channel=channel)
        return groups

    @api.model
    def _vip_few_clients(self, domain, every=False):
        """The clients of the records of ``domain`` the user reads, when they are at most
        ``FEW_CLIENTS`` (or ``every`` one of them)."""
        limit = None if every else FEW_CLIENTS
        query = self._search(domain or [])
        column = SQL.identifier(query.table, "id" if self._name == "vip.dossier" else "dossier_id")
        query.order = None
        query.limit = limit + 1 if limit else None
        rows = self.env.execute_query(query.select(SQL("DISTINCT %s", column)))
        return {client for (client,) in rows if client} if not limit or len(rows) <= limit else set()

    def copy_data(self, default=None):
        # the values of the records, as a duplicate would get them: a read of their clients
        result = super().copy_data(default=default)
        if not self._vip_log_skipped():
            self._vip_log_read("api")
        return result

    # Core marks these read-only (they may run on a read-only replica); here
    # they write the access log, so they run in a read/write transaction.
    read._readonly = False
    search_read._readonly = False
    web_read._readonly = False
    web_search_read._readonly = False
    read_group._readonly = False


# one concept per file: the guard's part of "base" is in base.py, the access log's here
class Base(models.AbstractModel):
    """Rows that show a client's data without being a VIP record: a client's contact card, and what
    points at a client (a task with its note, an event, a file). Reading them is reading the client:
    logged like the VIP records, one INSERT per call, through the client's dossier."""

    _inherit = "base"  # pylint: disable=consider-merging-classes-inherited

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        if (
            result
            and not self.env.su
            and (self._name == CARD_MODEL or self._vip_pointer_specs())
            and not is_vip_model(self._name)  # they log themselves (the mixin)
            and not (fnames and set(fnames) <= NAME_ONLY)
            and self.env.context.get("vip_access_log") not in (LOGGED, NOT_A_READ)
        ):
            dossiers = self._vip_read_dossiers()
            if dossiers:
                dossiers._vip_log_read()
        return result

    def _vip_logs_core_rows(self):
        """Rows of a core model that show a client's data (a card; a task, an event, a file on a client),
        read outside the system and outside a read logged already."""
        return (
            not self.env.su
            and (self._name == CARD_MODEL or self._vip_pointer_specs())
            and not is_vip_model(self._name)  # they log themselves (the mixin)
            and self.env.context.get("vip_access_log") not in (LOGGED, NOT_A_READ)
        )

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        groups = super().read_group(domain, fields, groupby, offset=offset, limit=limit, orderby=orderby, lazy=lazy)
        # counts of tasks or contacts are figures; their names, phones or notes gathered in groups are a
        # read of every row (``name:array_agg`` over the clients' cards)
        if groups and self._vip_logs_core_rows() and shows_rows(self, fields, groupby):
            dossiers = self.search(domain or [])._vip_read_dossiers()
            if dossiers:
                dossiers._vip_log_read("api")
        return groups

    def copy_data(self, default=None):
        result = super().copy_data(default=default)
        if self and self._vip_logs_core_rows() and (dossiers := self._vip_read_dossiers()):
            dossiers._vip_log_read("api")
        return result

    def onchange(self, values, field_names, fields_spec):
        """A form computes and returns values as the system: reading the clients it shows, logged like a
        form. Of a record linked to another client's record (a new dossier on a client's card: its
        phone, e-mail, photo), that client; a full form (no field changed) or linked records read with
        more than their name, the record's own clients too. A form whose changes return nothing, or only
        names, reads nobody (its opening was logged)."""
        result = super().onchange(values, field_names, fields_spec)
        quiet = self.env.context.get("vip_access_log") in (LOGGED, NOT_A_READ)
        returned = result.get("value") if isinstance(result, dict) else None
        if self.env.su or quiet or not isinstance(values, dict) or not returned:
            return result
        Dossier = self.env["vip.dossier"]
        linked = Dossier
        for model, ids in self._vip_linked_in_values(values):
            linked |= self.env[model].browse(ids)._vip_clients_shown()
        # the record's own clients matter only for a full read or linked data, or to leave out of links:
        # an ordinary form's change (every onchange of every model) looks nothing up
        if not field_names or returns_linked_data(returned):
            linked |= self._vip_clients_shown()
        elif linked:
            linked -= self._vip_clients_shown()
        if linked:
            linked._vip_log_read("form")
        return result

    def _vip_clients_shown(self):
        """The clients whose data the records of ``self`` are or show."""
        if not self:
            return self.env["vip.dossier"]
        if hasattr(self, "_vip_logged_dossiers"):
            return self._vip_logged_dossiers()
        return self._vip_read_dossiers()

    def _vip_read_dossiers(self):
        """The clients whose data the rows of ``self`` show (a user who reads no client reads none)."""
        Dossier = self.env["vip.dossier"]
        if not Dossier.has_access("read"):
            return Dossier
        ids, cards = set(), set()
        if self._name == CARD_MODEL:
            # sudo: which of the rows read are clients' cards, for the log only
            cards.update(self.sudo().filtered("vip_client").ids)
        for targets in self._vip_pointer_targets().values():
            for model, target_ids in targets.items():
                if model == CARD_MODEL:
                    cards.update(target_ids)
                elif is_vip_model(model) and hasattr(self.env[model], "_vip_logged_dossiers"):
                    ids.update(self.env[model].browse(target_ids)._vip_logged_dossiers().ids)
        if cards:
            # sudo: the clients of the cards read, for the log only
            ids.update(Dossier.sudo().with_context(active_test=False).search([("partner_id", "in", list(cards))]).ids)
        return Dossier.browse(sorted(ids))
