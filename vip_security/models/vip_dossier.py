# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import Counter

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

from .base import is_vip_model

# Who may see money: the group is implied by the manager and supervisor groups
# (administrators are supervisors too), never by emergency access; the row
# rules then restrict managers to their own clients.
MONEY_GROUPS = "vip_security.group_vip_money"
ADMIN_GROUP = "vip_dossier.group_vip_admin"
SUPERVISOR_GROUP = "vip_dossier.group_vip_supervisor"
BRANCH_HEAD_GROUP = "vip_security.group_vip_branch_head"


class VipDossier(models.Model):
    """Who may see a client is defined here, once: ``member_user_ids``.

    The members of a client are its manager and its deputy. Every row rule of
    every VIP model reads this field, through ``is_my_client``
    (``[('dossier_id.is_my_client', '=', True)]``), as do the Python checks,
    the readers kept on the client's contact card and the clean-up of
    followers when someone stops being a member. Top management reads every
    client by its own rules; emergency readers are ``emergency_user_ids``.
    """

    _inherit = "vip.dossier"
    # whoever reads a client reads its tasks (core asks for the right to post
    # even to read an activity); who may *contribute* (post, follow, give tasks)
    # is narrower, see _vip_filtered_contributable
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
    member_user_ids = fields.Many2many(
        "res.users",
        "vip_dossier_member_rel",
        "dossier_id",
        "user_id",
        string="Members",
        compute="_compute_member_user_ids",
        store=True,
        help="The users this client belongs to (manager and deputy): every row rule of the VIP desk reads it.",
    )
    is_my_client = fields.Boolean(
        string="My Client",
        compute="_compute_is_my_client",
        search="_search_is_my_client",
        help="I am the manager or the deputy of this client.",
    )
    can_reassign = fields.Boolean(compute="_compute_can_reassign")
    branch_id = fields.Many2one(
        "vip.branch",
        index="btree_not_null",
        # a branch with clients is archived, not deleted: its clients would fall out of its heads' scope
        # without their cards and followers following
        ondelete="restrict",
        tracking=True,
        help="The branch or department that serves the client: its heads supervise the client. A new "
        "client belongs to its manager's branch.",
    )
    is_in_my_branch = fields.Boolean(
        string="In My Branch",
        compute="_compute_is_in_my_branch",
        search="_search_is_in_my_branch",
        help="The client belongs to a branch I head.",
    )

    @api.depends("user_id", "deputy_id")
    def _compute_member_user_ids(self):
        for dossier in self:
            dossier.member_user_ids = dossier.user_id | dossier.deputy_id

    @api.depends_context("uid")
    @api.depends("member_user_ids")
    def _compute_is_my_client(self):
        uid = self.env.uid
        # sudo: the membership of the clients being checked (the row rules evaluate it as the system)
        for dossier, dossier_sudo in zip(self, self.sudo(), strict=True):
            dossier.is_my_client = uid in dossier_sudo.member_user_ids.ids

    def _search_is_my_client(self, operator, value):
        """The row rules' condition: the user's clients, by primary key.

        ``id = ANY(ARRAY(...))`` reads the membership table's index on the
        user and then the dossiers' primary key, whatever the planner thinks
        of the table's size; the membership is written before it is read.
        """
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(f"unsupported search on is_my_client: {operator} {value}")
        self.flush_model(["member_user_ids"])
        mine = SQL("SELECT dossier_id FROM vip_dossier_member_rel WHERE user_id = %s", self.env.uid)
        if (operator == "=") == value:
            return [("id", "=", SQL("ANY(ARRAY(%s))", mine))]
        # not "!": the ORM would turn it into "id != ANY(...)", true of any id but a lone member's
        return [("id", "not in", SQL("(%s)", mine))]

    @api.depends_context("uid")
    @api.depends("branch_id")
    def _compute_is_in_my_branch(self):
        headed = self.env.user._vip_headed_branches()
        for dossier in self:
            dossier.is_in_my_branch = dossier.branch_id in headed

    def _search_is_in_my_branch(self, operator, value):
        """The scope of a branch head: the clients of the branches they head (see ir.rule)."""
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(f"unsupported search on is_in_my_branch: {operator} {value}")
        headed = self.env.user._vip_headed_branches().ids
        if (operator == "=") == value:
            return [("branch_id", "in", headed)]
        return ["|", ("branch_id", "=", False), ("branch_id", "not in", headed)]

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
            own_branch = self.env.user.vip_branch_id.id
            # defaults (the context's, saved ones) assign just as well as values (round 21: a saved deputy)
            for vals in self._vip_creation_values(vals_list):
                if (
                    vals.get("user_id", self.env.uid) != self.env.uid
                    or vals.get("deputy_id")
                    or (vals.get("branch_id", own_branch) or False) != own_branch
                ):
                    raise AccessError(
                        self.env._(
                            "A VIP manager creates dossiers for their own clients only, in their own branch; "
                            "a VIP administrator assigns clients to other managers, deputies and branches."
                        )
                    )
        for vals in vals_list:
            self._vip_check_card_is_free(vals.get("partner_id"))
            if "branch_id" not in vals and "default_branch_id" not in self.env.context:
                # sudo: the branch of the client's manager, whoever creates the client
                manager = self.env["res.users"].sudo().browse(vals.get("user_id", self.env.uid))
                vals["branch_id"] = manager.vip_branch_id.id
        dossiers = super().create(vals_list)
        dossiers._vip_sync_card_readers()
        return dossiers

    def write(self, vals):
        reassigning = {"user_id", "deputy_id", "branch_id"} & set(vals)
        old_cards = self.partner_id if "partner_id" in vals else self.env["res.partner"]
        self._vip_check_card_is_free(vals.get("partner_id"))
        if reassigning and not self._user_can_reassign():
            changed = self.filtered(
                lambda d: (
                    ("user_id" in vals and d.user_id.id != vals["user_id"])
                    or ("deputy_id" in vals and d.deputy_id.id != vals["deputy_id"])
                    or ("branch_id" in vals and d.branch_id.id != vals["branch_id"])
                )
            )
            if changed:
                raise AccessError(
                    self.env._(
                        "Only a VIP administrator can reassign clients or change their deputy or branch "
                        "(VIP Desk → Configuration → Handover)."
                    )
                )
        result = super().write(vals)
        if reassigning or {"partner_id", "active"} & set(vals):
            self._vip_sync_card_readers(old_cards)
        if reassigning:
            self._vip_drop_outsiders()
        return result

    @api.model
    def _vip_check_card_is_free(self, partner_id):
        """A client's card is another client's card only for who may read that client."""
        if not partner_id or self.env.su:
            return
        card = self.env["res.partner"].browse(partner_id)
        # sudo: whether the contact is a client's card already, nothing is returned
        if card.sudo().vip_client and not card.has_access("read"):
            raise AccessError(self.env._("This contact is the card of another VIP client."))

    def _vip_sync_card_readers(self, other_cards=None):
        """Keep on each client's contact card who reads it by membership (its rules read that).

        The members, emergency readers and branch heads of every dossier of the card; cards
        that lost their dossier (``other_cards``) keep the readers of the
        dossiers they still have.
        """
        # sudo: the cards' readers are the system's to keep, whoever changed the client
        cards = (self.partner_id | (other_cards or self.env["res.partner"])).sudo()
        by_card = cards.vip_dossier_ids.grouped("partner_id")
        for card in cards:
            mine = by_card.get(card, self.browse())
            readers = mine.member_user_ids | mine.emergency_user_ids | mine.branch_id._vip_heads()
            # the card's contacts and addresses (an assistant, a home address) are read as the card
            for contact in card | card.with_context(active_test=False).child_ids:
                if contact.vip_reader_user_ids != readers:
                    contact.vip_reader_user_ids = readers
        cards.flush_model(["vip_reader_user_ids"])

    @api.model
    def _vip_sync_all_card_readers(self):
        """Every card's readers at once, in SQL: at install and upgrade, when clients already exist."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO vip_partner_reader_rel (partner_id, user_id)
                SELECT DISTINCT p.id, r.user_id
                  FROM vip_dossier d
                  JOIN res_partner p ON p.id = d.partner_id OR p.parent_id = d.partner_id
                  JOIN (SELECT dossier_id, user_id FROM vip_dossier_member_rel
                        UNION SELECT dossier_id, user_id FROM vip_dossier_emergency_user_rel
                        UNION SELECT bd.id, h.user_id
                                FROM vip_dossier bd
                                JOIN vip_branch b ON b.id = bd.branch_id AND b.active
                                JOIN vip_branch_head_rel h ON h.branch_id = b.id
                                JOIN res_groups_users_rel g ON g.uid = h.user_id AND g.gid = %s) r
                    ON r.dossier_id = d.id
                ON CONFLICT DO NOTHING
                """,
                self.env.ref(BRANCH_HEAD_GROUP).id,
            )
        )
        self.env["res.partner"].invalidate_model(["vip_reader_user_ids"])

    # ------------------------------------------------------------------
    # who may contribute, and the followers who may no longer read
    # ------------------------------------------------------------------
    def _vip_filtered_contributable(self):
        """The clients of ``self`` the current user may post on, follow, give tasks or files on.

        Members and top management (its notes are the quality control); not an
        emergency reader, whose access is read-only.
        """
        if self.env.su or self.env.user.has_group(SUPERVISOR_GROUP):
            return self._filtered_access("read")
        # sudo: the membership of the very clients being checked
        return self.browse(d.id for d in self.sudo() if self.env.user in d.member_user_ids)

    def _vip_check_contribute(self):
        if self - self._vip_filtered_contributable():
            raise AccessError(
                self.env._(
                    "Only the client's managers and top management may post, follow or give tasks on a "
                    "VIP client; emergency access is read-only."
                )
            )

    def _vip_check_post(self, partner_ids=None, attachments=None):
        """What the current user may post on these clients, wherever the post comes from (the chat route
        posts as the system): a member or top management posts; a recipient gets the message by e-mail,
        so only who may read the client is notified; files are part of the dossier, added by who may
        write it."""
        self._vip_check_contribute()
        if partner_ids:
            self._vip_check_followers_may_read(partner_ids)
        if attachments:
            self.check_access("write")

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        self._vip_check_contribute()
        if partner_ids and not self.env.su:
            self._vip_check_followers_may_read(partner_ids)
            if self - self._filtered_access("write"):
                # Top management, read-only on the client, gives its manager a task, which subscribes the
                # manager; core asks write access to subscribe others. It may add followers who read the
                # client (checked above), never change what an existing follower receives.
                if subtype_ids is not None and set(partner_ids) != {self.env.user.partner_id.id}:
                    self.check_access("write")
                # sudo: which of them follow already, left as they are
                followers = (
                    self.env["mail.followers"]
                    .sudo()
                    .search(
                        [("res_model", "=", self._name), ("res_id", "in", self.ids), ("partner_id", "in", partner_ids)]
                    )
                )
                follows = Counter(follower.partner_id.id for follower in followers)
                new = [partner_id for partner_id in partner_ids if follows[partner_id] < len(self)]
                if not new:
                    return True
                # sudo: the checks above were made with the user's rights
                return super(VipDossier, self.sudo()).message_subscribe(partner_ids=new, subtype_ids=subtype_ids)
        return super().message_subscribe(partner_ids=partner_ids, subtype_ids=subtype_ids)

    def _vip_check_followers_may_read(self, partner_ids):
        """Nobody follows or is notified of a client they may not read: they would get its messages by e-mail."""
        # sudo: the users behind the partners and their access, nothing is returned
        partners = self.env["res.partner"].sudo().browse(partner_ids)
        for dossier in self.sudo():
            if partners - dossier._vip_partners_who_read(partners):
                raise AccessError(
                    self.env._(
                        "Only the client's managers and top management may follow a VIP client or be notified of it."
                    )
                )

    def _vip_partners_who_read(self, partners):
        """The partners among ``partners`` who may get this client's messages: the client itself (its own
        card: an SMS, an e-mail to the client), and who has an internal user that may read the client."""
        self.ensure_one()
        readers = partners & self.sudo().partner_id
        for partner in partners:
            users = partner.with_context(active_test=False).user_ids.filtered(lambda u: u.active and not u.share)
            if any(self.with_user(user).has_access("read") for user in users):
                readers |= partner
        return readers

    def _vip_drop_outsiders(self):
        """Followers who may no longer read a client stop following it, and get nothing more from it.

        Called whenever someone may have lost access: a new manager or deputy,
        an emergency grant ended, a user's groups changed. Their pending
        notifications (inbox, unsent e-mails) about the client go too — about
        the client's dossier and about every other document of the client with
        a chatter (a request to an expert), found in the registry: a module that
        adds one needs no clean-up of its own.
        """
        # sudo: followers and notifications of other users are the system's to clean
        dossiers = self.sudo().exists()
        self._vip_drop_followers_who_cannot_read(dossiers)
        for model in self._vip_client_thread_models():
            documents = (
                self.env[model].sudo().with_context(active_test=False).search([("dossier_id", "in", dossiers.ids)])
            )
            self._vip_drop_followers_who_cannot_read(documents)

    @api.model
    def _vip_client_thread_models(self):
        """The VIP models other than the dossier whose records have a chatter and belong to a client."""
        return [
            name
            for name, model in self.env.items()
            if is_vip_model(name)
            and name != self._name
            and not model._abstract
            and "message_partner_ids" in model._fields
            and getattr(model._fields.get("dossier_id"), "comodel_name", None) == self._name
        ]

    @api.model
    def _vip_drop_followers_who_cannot_read(self, documents):
        """On ``documents`` (clients, or records of one client each), followers who may not read the client
        stop following, with their pending notifications and unsent mails about them."""
        gone = {}  # document id: the partners who lost it
        for document in documents:
            dossier = document if document._name == self._name else document.dossier_id
            followers = document.message_partner_ids
            outsiders = followers - dossier._vip_partners_who_read(followers)
            if outsiders:
                document.message_unsubscribe(partner_ids=outsiders.ids)
                gone[document.id] = outsiders
        if not gone:
            return
        # their pending notifications and unsent mails about these documents, in one search each
        Message = self.env["mail.message"].sudo()
        messages = Message.search([("model", "=", documents._name), ("res_id", "in", list(gone))])
        outsiders = self.env["res.partner"].union(*gone.values())
        notifications = (
            self.env["mail.notification"]
            .sudo()
            .search(
                [
                    ("mail_message_id", "in", messages.ids),
                    ("res_partner_id", "in", outsiders.ids),
                    "|",
                    ("is_read", "=", False),
                    ("notification_status", "in", ("ready", "exception")),
                ]
            )
        )
        notifications.filtered(lambda n: n.res_partner_id in gone[n.mail_message_id.res_id]).unlink()
        mails = (
            self.env["mail.mail"]
            .sudo()
            .search([("mail_message_id", "in", messages.ids), ("state", "in", ("outgoing", "exception"))])
        )
        for mail in mails:
            lost = mail.recipient_ids & gone[mail.mail_message_id.res_id]
            if lost:
                mail.recipient_ids -= lost
                if not mail.recipient_ids and not mail.email_to:
                    mail.state = "cancel"

    def _user_can_reassign(self):
        return self.env.su or self.env.user.has_group(ADMIN_GROUP)
