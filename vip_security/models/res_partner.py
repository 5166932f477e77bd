# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.exceptions import AccessError
from odoo.tools import SQL

from .base import CARD_MODEL, is_vip_model

SUPERVISOR_GROUP = "vip_dossier.group_vip_supervisor"
ADMIN_GROUP = "vip_dossier.group_vip_admin"


class ResPartner(models.Model):
    """The contact card of a VIP client belongs to the client's dossier.

    Any employee reads ordinary contacts; a VIP client's card (name, phones,
    e-mail: what the dossier shows and SMS use) is read only by who may read
    the client's dossier, and changed only by who may change it. The rules
    (``res_partner_rule_vip_*``) test ``vip_readable``/``vip_writable``, which
    ask the dossier's own rules: the one membership definition decides.

    ``vip_client`` marks those cards: an ordinary contact costs the rules one
    indexed column. ``vip_reader_user_ids`` keeps, on the card, the users who
    read its dossier by membership (members and emergency readers, as the
    dossier's ``member_user_ids`` and ``emergency_user_ids`` say, written by the
    dossier whenever they change): a manager's
    list adds the cards of their own clients by primary key
    (``id = ANY(ARRAY(...))``), so the Contacts app keeps its indexes
    (``bench/bench_contacts.py``).
    """

    _inherit = "res.partner"

    vip_dossier_ids = fields.One2many(
        "vip.dossier",
        "partner_id",
        string="VIP Dossiers",
        context={"active_test": False},
        groups="base.group_system",
    )
    vip_client = fields.Boolean(
        string="VIP Client",
        compute="_compute_vip_client",
        store=True,
        index=True,
        recursive=True,
        help="This contact is the card of a VIP client, or one of its contacts and addresses (an assistant, a "
        "home address, named after the client): only the client's managers and top management read it.",
    )
    vip_reader_user_ids = fields.Many2many(
        "res.users",
        "vip_partner_reader_rel",
        "partner_id",
        "user_id",
        string="VIP Card Readers",
        readonly=True,
        copy=False,
        groups="base.group_system",
        help="Members and emergency readers of the client's dossier, kept up to date by the dossier; top "
        "management reads every card.",
    )
    vip_readable = fields.Boolean(
        string="Readable VIP Card",
        compute="_compute_vip_readable",
        search="_search_vip_readable",
        help="Ordinary contact, or the card of a VIP client the current user may read.",
    )
    vip_writable = fields.Boolean(
        string="Changeable VIP Card",
        compute="_compute_vip_writable",
        search="_search_vip_writable",
        help="Ordinary contact, or the card of a VIP client the current user may change.",
    )

    @api.depends("vip_dossier_ids", "parent_id.vip_client")
    def _compute_vip_client(self):
        # sudo: whether a dossier exists decides the protection, whoever triggers it
        clients = set(
            self.env["vip.dossier"]
            .sudo()
            .with_context(active_test=False)
            .search([("partner_id", "in", self.ids)])
            .mapped("partner_id")
            .ids
        )
        for partner in self:
            partner.vip_client = partner.id in clients or partner.sudo().parent_id.vip_client

    @api.model_create_multi
    def create(self, vals_list):
        partners = super().create(vals_list)
        partners.filtered("parent_id")._vip_follow_parent_card()
        return partners

    def write(self, vals):
        result = super().write(vals)
        if "parent_id" in vals:
            self._vip_follow_parent_card()
        return result

    def _vip_follow_parent_card(self):
        """A contact or address of a client's card is read by who reads the card."""
        # sudo: the readers are the system's to keep, copied from the card; an ordinary contact has none
        no_one = self.env["res.users"]
        for partner in self.sudo().filtered(lambda p: p.parent_id.vip_client or p.vip_reader_user_ids):
            readers = partner.parent_id.vip_reader_user_ids if partner.parent_id.vip_client else no_one
            if partner.vip_reader_user_ids != readers:
                partner.vip_reader_user_ids = readers

    @api.depends_context("uid")
    def _compute_same_vat_partner_id(self):
        """Core warns of another contact with the same Tax ID or company registry, found as the system:
        whoever knows a person's INN learned that they are a VIP client (and their card's id). A client's
        card is named to its readers only."""
        super()._compute_same_vat_partner_id()
        if self.env.su:
            return
        for fname in ("same_vat_partner_id", "same_company_registry_partner_id"):
            found = {partner: partner[fname] for partner in self if partner[fname]}
            ids = {other.id for other in found.values()}
            hidden = self._vip_forbidden_targets(CARD_MODEL, ids, "read") if ids else set()
            for partner, other in found.items():
                if other.id in hidden:
                    partner[fname] = False

    @api.depends_context("uid")
    def _compute_display_name(self):
        """A client's card is named only for who may read it.

        Rows of other models that link to the card (a meeting's attendee, a
        follower, a notification) show its name through the link, which Odoo
        reads as the system.
        """
        result = super()._compute_display_name()
        # sudo: which contacts are clients' cards; the user's own rights decide below
        cards = (
            self.sudo()
            .with_context(prefetch_fields=False)
            .filtered(lambda p: isinstance(p.id, int) and p.vip_client)
            .with_env(self.env)
        )
        if not cards:
            return result
        hidden = set(cards.with_env(self.env(su=False)).filtered(lambda p: not p.vip_readable).ids)
        for partner in self:
            if partner.id in hidden:
                partner.display_name = self.env._("Confidential contact")
        return result

    @api.depends_context("uid")
    @api.depends("vip_client", "vip_reader_user_ids")
    def _compute_vip_readable(self):
        readable = set()
        clients = self.filtered("vip_client")
        if clients and self.env.user._vip_reads_every_client():
            readable = set(clients.ids)
        elif clients:
            # the readers kept on the cards, as the rule's SQL reads them (one query, no ORM prefetch)
            rows = self.env.execute_query(SQL("%s AND partner_id = ANY(%s)", self._vip_my_cards_sql(), clients.ids))
            readable = {partner_id for (partner_id,) in rows}
        for partner in self:
            partner.vip_readable = not partner.vip_client or partner.id in readable

    @api.depends_context("uid")
    @api.depends("vip_client")
    def _compute_vip_writable(self):
        writable = self._vip_writable_cards()
        for partner in self:
            partner.vip_writable = not partner.vip_client or partner in writable

    def _vip_writable_cards(self):
        """The VIP clients' cards among ``self`` whose dossier the current user may change."""
        clients = self.filtered("vip_client")
        Dossier = self._vip_user_dossiers()
        if not clients or not Dossier.has_access("write"):
            return clients.browse()
        cards = clients | clients.sudo().parent_id.filtered("vip_client")
        dossiers = Dossier.search_fetch([("partner_id", "in", cards.ids)], ["partner_id"])
        writable = dossiers._filtered_access("write").partner_id
        # a card's contacts and addresses are changed by who may change the card
        return clients.filtered(lambda p: p in writable or p.sudo().parent_id in writable)

    def _search_vip_readable(self, operator, value):
        return self._vip_access_domain("read", operator, value)

    def _search_vip_writable(self, operator, value):
        return self._vip_access_domain("write", operator, value)

    @api.model
    def _vip_user_dossiers(self):
        """The dossiers, as the current user (rules are evaluated as the system, with the user's id)."""
        return self.env["vip.dossier"].with_env(self.env(su=False)).with_context(active_test=False)

    @api.model
    def _vip_my_cards_sql(self):
        """The cards the current user reads by membership or emergency grant, as kept on them."""
        return SQL("SELECT partner_id FROM vip_partner_reader_rel WHERE user_id = %s", self.env.uid)

    @api.model
    def _vip_hidden_card_sql(self, column):
        """SQL that is true when ``column`` holds a client's card the current user may not read; ``None``
        when the user reads every card. Correlated row by row, by primary key: the rows that show a
        contact's data (followers, attendees) are searched often, and per document."""
        if self.env.su or self.env.user._vip_reads_every_client():
            return None
        self.flush_model(["vip_client", "vip_reader_user_ids"])
        card = SQL("SELECT 1 FROM res_partner vip_card WHERE vip_card.id = %s AND vip_card.vip_client", column)
        if not self._vip_user_dossiers().has_access("read"):
            return SQL("EXISTS (%s)", card)
        return SQL(
            "EXISTS (%s AND NOT EXISTS (SELECT 1 FROM vip_partner_reader_rel vip_reader"
            " WHERE vip_reader.partner_id = vip_card.id AND vip_reader.user_id = %s))",
            card,
            self.env.uid,
        )

    @api.model
    def _vip_access_domain(self, mode, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(f"unsupported search on vip_readable/vip_writable: {operator} {value}")
        wanted = (operator == "=") == value
        user = self.env.user
        Dossier = self._vip_user_dossiers()
        if user.has_group(ADMIN_GROUP) if mode == "write" else user._vip_reads_every_client():
            return [] if wanted else [(0, "=", 1)]
        if not Dossier.has_access(mode):
            return [("vip_client", "=", not wanted)]
        if mode == "read":
            clients = self._vip_my_cards_sql()
        else:
            query = Dossier._where_calc([])
            Dossier._apply_ir_rules(query, mode)
            clients = query.select(SQL.identifier(Dossier._table, "partner_id"))
        if wanted:
            # the user's cards by primary key, so that a contact list keeps its indexes
            mine = [("id", "=", SQL("ANY(ARRAY(%s))", clients))]
            if mode == "write":  # and their contacts and addresses (for reading, they carry the readers)
                mine = ["|", *mine, ("parent_id", "=", SQL("ANY(ARRAY(%s))", clients))]
            return ["|", ("vip_client", "=", False), *mine]
        # not "!": the ORM would turn it into "id != ANY(...)"
        if mode == "write":
            return [
                ("vip_client", "=", True),
                ("id", "not in", SQL("(%s)", clients)),
                "|",
                ("parent_id", "=", False),
                ("parent_id", "not in", SQL("(%s)", clients)),
            ]
        return [("vip_client", "=", True), ("id", "not in", SQL("(%s)", clients))]

    def unlink(self):
        self._vip_check_unlinked_from_clients()
        return super().unlink()

    def _vip_check_unlinked_from_clients(self):
        """Deleting or merging a contact rewrites every link to it past every rule: a client's card, or
        another manager's client's employer, would go from the dossier (or become someone else's). Only
        the system and VIP administrators do it to contacts a VIP record links to."""
        if self.env.su or self.env.user.has_group(ADMIN_GROUP) or not self._vip_linked_to_clients():
            return
        raise AccessError(
            self.env._(
                "These contacts are linked to VIP clients (a client's card, an employer...): only a VIP "
                "administrator may delete or merge them."
            )
        )

    def _vip_linked_to_clients(self):
        """Whether a VIP record links to one of these contacts (every many2one of every VIP model onto a
        contact: a client's card, an employer, a trusted person's contact)."""
        ids = [id_ for id_ in self._ids if isinstance(id_, int)]
        for model, fname in self._vip_link_fields() if ids else ():
            # sudo: whether any client's record links there, nothing of it is returned
            if self.env[model].sudo().with_context(active_test=False).search_count([(fname, "in", ids)], limit=1):
                return True
        return False

    @api.model
    @tools.ormcache()
    def _vip_link_fields(self):
        """``(VIP model, field)`` of every stored many2one of the VIP models onto a contact."""
        return tuple(
            (name, fname)
            for name in self.env.registry
            if is_vip_model(name) and not self.env[name]._abstract and self.env[name]._auto
            for fname, field in self.env[name]._fields.items()
            if field.type == "many2one" and field.comodel_name == "res.partner" and field.store
        )
