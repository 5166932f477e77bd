# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import VipSecurityCase

LOGGED = ("vip.dossier", "vip.relative", "vip.preference", "vip.trusted.person", "vip.interaction")


@tagged("post_install", "-at_install")
class TestBranchHeads(VipSecurityCase):
    """A branch head is top management of the branches they head: they read those clients as a
    supervisor reads all, and nothing of the other branches' clients, through any door."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._make_branches()

    def test_reads_the_branch_and_nothing_else(self):
        self.fresh()
        for model, record in self.records.items():
            other = self.other_records[model]
            with self.subTest(model=model):
                Model = self.env[model].with_user(self.head)
                self.assertEqual(Model.search([("id", "in", (record | other).ids)]), record)
                self.assertEqual(Model.search_count([("id", "=", other.id)]), 0)
                record.with_user(self.head).check_access("read")
                with self.assertRaises(AccessError):
                    other.with_user(self.head).read(["display_name"])
                with self.assertRaises(AccessError):
                    record.with_user(self.head).write({})
                    record.with_user(self.head).check_access("write")
        groups = self.env["vip.dossier"].with_user(self.head).read_group([], ["user_id"], ["user_id"])
        self.assertEqual([group["user_id"][0] for group in groups], [self.manager.id])
        # the money of the branch's clients, as top management sees it
        self.assertEqual(self.records["vip.income"].with_user(self.head).amount, 7)

    def test_cards_tasks_and_log_of_the_branch_only(self):
        Partner = self.env["res.partner"].with_user(self.head)
        cards = (self.dossier | self.other_dossier).partner_id
        self.assertEqual(Partner.search([("id", "in", cards.ids)]), self.dossier.partner_id)
        with self.assertRaises(AccessError):
            self.other_dossier.partner_id.with_user(self.head).read(["phone"])
        Activity = self.env["mail.activity"].with_user(self.head)
        self.assertEqual(Activity.search([("id", "in", (self.task | self.other_task).ids)]), self.task)
        self.assertFalse(Activity.search([("summary", "ilike", "Secret")]))
        with self.assertRaises(AccessError):
            self.other_task.with_user(self.head).read(["summary"])
        # who read the other branch's client is not the head's business either
        self.env["vip.access.log"]._log(self.dossier | self.other_dossier, user=self.manager)
        self.fresh()
        logs = self.env["vip.access.log"].with_user(self.head).search([])
        self.assertTrue(logs)
        self.assertEqual(logs.dossier_id, self.dossier)

    def test_a_head_who_manages_clients_reads_both(self):
        self.head.groups_id = [Command.link(self.env.ref("vip_dossier.group_vip_manager").id)]
        own = self.env["vip.dossier"].create({"name": "Head's Own", "user_id": self.head.id})
        self.other_dossier.branch_id = self.other_branch
        self.fresh()
        found = self.env["vip.dossier"].with_user(self.head).search([])
        self.assertEqual(found, self.dossier | own)
        # writes only their own client, not the branch's
        own.with_user(self.head).write({"notes": "mine"})
        with self.assertRaises(AccessError):
            self.dossier.with_user(self.head).write({"notes": "not mine"})

    def test_new_clients_belong_to_their_managers_branch(self):
        mine = self.env["vip.dossier"].with_user(self.manager).create({"name": "New"})
        self.assertEqual(mine.branch_id, self.branch)
        by_admin = self.env["vip.dossier"].with_user(self.vip_admin).create({"name": "N2", "user_id": self.manager2.id})
        self.assertEqual(by_admin.branch_id, self.other_branch)
        # a manager neither puts a client in another branch nor moves one
        for values in ({"branch_id": self.other_branch.id}, {"branch_id": False}):
            with self.assertRaises(AccessError):
                self.env["vip.dossier"].with_user(self.manager).create(dict(values, name="Elsewhere"))
        with self.assertRaises(AccessError):
            self.env["vip.dossier"].with_user(self.manager).with_context(default_branch_id=self.other_branch.id).create(
                {"name": "Elsewhere"}
            )
        with self.assertRaises(AccessError):
            mine.with_user(self.manager).write({"branch_id": self.other_branch.id})
        # branches are configured by VIP administrators
        with self.assertRaises(AccessError):
            self.branch.with_user(self.head).write({"head_user_ids": [Command.link(self.manager.id)]})
        with self.assertRaises(AccessError):
            self.env["vip.branch"].with_user(self.manager).create({"name": "Mine"})

    def test_moving_a_client_or_a_head_takes_the_access_away(self):
        self.dossier.message_subscribe(partner_ids=self.head.partner_id.ids)
        card = self.dossier.partner_id
        self.dossier.with_user(self.vip_admin).branch_id = self.other_branch
        self.fresh()
        self.assertFalse(self.env["vip.dossier"].with_user(self.head).search([("id", "=", self.dossier.id)]))
        with self.assertRaises(AccessError):
            card.with_user(self.head).read(["phone"])
        self.assertNotIn(self.head.partner_id, self.dossier.message_partner_ids, "the head stopped following")
        # the other way round: a new head of the client's branch reads it, its card too
        self.other_branch.with_user(self.vip_admin).head_user_ids = [Command.link(self.head.id)]
        self.fresh()
        card.with_user(self.head).check_access("read")
        self.assertTrue(self.env["vip.dossier"].with_user(self.head).search([("id", "=", self.other_dossier.id)]))
        # and a head who no longer heads the branch reads nothing of it
        self.other_branch.with_user(self.vip_admin).head_user_ids = [Command.unlink(self.head.id)]
        self.fresh()
        with self.assertRaises(AccessError):
            card.with_user(self.head).read(["phone"])
        self.assertFalse(self.env["vip.dossier"].with_user(self.head).search([]))

    def test_heads_are_branch_heads(self):
        with self.assertRaises(ValidationError):
            self.other_branch.head_user_ids = [Command.link(self.manager.id)]

    def test_top_management_still_reads_every_branch(self):
        self.fresh()
        both = self.dossier | self.other_dossier
        self.assertEqual(self.env["vip.dossier"].with_user(self.supervisor).search([("id", "in", both.ids)]), both)
        self.assertEqual(self.env["vip.dossier"].with_user(self.vip_admin).search([("id", "in", both.ids)]), both)

    def test_a_head_removed_from_the_users_side_stops_at_once(self):
        """Round 18: a head removed through the user form (``vip_headed_branch_ids``) kept the client's card
        and kept getting its messages by e-mail; only the branch's side re-synced them."""
        self.dossier.message_subscribe(partner_ids=self.head.partner_id.ids)
        card = self.dossier.partner_id
        card.with_user(self.head).check_access("read")
        self.head.sudo().write({"vip_headed_branch_ids": [Command.unlink(self.branch.id)]})
        self.fresh()
        with self.assertRaises(AccessError):
            card.with_user(self.head).read(["phone"])
        self.assertNotIn(self.head.partner_id, self.dossier.message_partner_ids)
        # and a user made a head from the user's side reads at once, if a branch head
        self.head.sudo().write({"vip_headed_branch_ids": [Command.link(self.branch.id)]})
        self.fresh()
        card.with_user(self.head).check_access("read")
        with self.assertRaises(ValidationError):
            self.manager.sudo().write({"vip_headed_branch_ids": [Command.link(self.branch.id)]})

    def test_a_branch_with_clients_is_archived_not_deleted(self):
        """Round 18: deleting a branch emptied its clients' branch in SQL, and its heads kept their cards."""
        with self.assertRaises(UserError):
            self.branch.with_user(self.vip_admin).unlink()
        self.branch.with_user(self.vip_admin).active = False
        self.fresh()
        with self.assertRaises(AccessError):
            self.dossier.partner_id.with_user(self.head).read(["phone"])
        self.assertFalse(self.env["vip.dossier"].with_user(self.head).search([]))
        empty = self.env["vip.branch"].create({"name": "Empty"})
        empty.with_user(self.vip_admin).unlink()
