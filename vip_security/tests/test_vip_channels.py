# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every side door to a VIP record, tried by the wrong people.

Where core already delegates to the document (messages, attachments,
activities), this proves it rather than assumes it.
"""

from odoo.exceptions import AccessError
from odoo.tests.common import tagged

from .common import VipSecurityCase


@tagged("post_install", "-at_install")
class TestVipChannels(VipSecurityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_dossier.message_post(body="Confidential: plans a large deposit", message_type="comment")
        cls.other_dossier.message_subscribe(partner_ids=cls.manager2.partner_id.ids)
        cls.attachment = cls.env["ir.attachment"].create(
            {"name": "passport.pdf", "raw": b"%PDF secret", "res_model": "vip.dossier", "res_id": cls.other_dossier.id}
        )
        cls.activity = cls.other_dossier.activity_schedule(
            "mail.mail_activity_data_call", summary="Birthday call", user_id=cls.manager2.id
        )
        cls.outsiders = (cls.manager, cls.employee, cls.emergency)

    def assertRefusedOrEmpty(self, method, *args):
        """A search from outside either is refused or finds nothing."""
        try:
            with self.env.cr.savepoint():
                found = method(*args)
        except AccessError:
            return
        self.assertFalse(found)

    def test_search_read_and_read(self):
        for user in self.outsiders:
            with self.subTest(user=user.login):
                self.fresh()
                Dossier = self.env["vip.dossier"].with_user(user)
                if user == self.manager:
                    self.assertNotIn(self.other_dossier.id, [r["id"] for r in Dossier.search_read([], ["name"])])
                with self.assertRaises(AccessError):
                    self.other_dossier.with_user(user).read(["name"])

    def test_web_search_read_and_web_read_with_related_paths(self):
        self.fresh()
        interaction = self.other_records["vip.interaction"]
        with self.assertRaises(AccessError):
            interaction.with_user(self.manager).web_read({"dossier_id": {"fields": {"income_12m": {}}}})
        # from the manager's own interaction, the same path works
        mine = self.records["vip.interaction"].with_user(self.manager)
        [row] = mine.web_read({"dossier_id": {"fields": {"income_12m": {}, "name": {}}}})
        self.assertEqual(row["dossier_id"]["name"], self.dossier.name)
        result = (
            self.env["vip.interaction"]
            .with_user(self.manager)
            .web_search_read([], {"subject": {}, "dossier_id": {"fields": {"display_name": {}}}})
        )
        self.assertEqual({r["dossier_id"]["id"] for r in result["records"]}, {self.dossier.id})

    def test_read_group(self):
        self.fresh()
        for model in ("vip.dossier", "vip.operation", "vip.income"):
            with self.subTest(model=model):
                groups = self.env[model].with_user(self.manager).read_group([], ["__count"], [])
                total = sum(g["__count"] for g in groups)
                expected = self.env[model].search_count(
                    [("id", "=", self.dossier.id)] if model == "vip.dossier" else [("dossier_id", "=", self.dossier.id)]
                )
                self.assertEqual(total, expected)
        groups = self.env["vip.income"].with_user(self.manager).web_read_group([], ["amount:sum"], ["dossier_id"])
        self.assertEqual([g["dossier_id"][0] for g in groups["groups"]], [self.dossier.id])
        self.assertEqual(groups["groups"][0]["amount"], 7)

    def test_name_search(self):
        self.fresh()
        self.assertFalse(self.env["vip.dossier"].with_user(self.manager).name_search("Other Client"))
        self.assertFalse(self.env["vip.dossier"].with_user(self.manager).name_search("T-0002"))
        self.assertFalse(self.env["vip.relative"].with_user(self.manager).name_search("Spouse of Other"))

    def test_export_data(self):
        # even a manager allowed to export gets only their own clients
        self.manager.groups_id |= self.env.ref("base.group_allow_export")
        self.fresh()
        with self.assertRaises(AccessError):
            self.other_dossier.with_user(self.manager).export_data(["name", "income_12m"])
        rows = self.env["vip.dossier"].with_user(self.manager).search([]).export_data(["name"])["datas"]
        self.assertNotIn(["Other Client"], rows)

    def test_messages(self):
        self.fresh()
        for user in self.outsiders:
            with self.subTest(user=user.login):
                Message = self.env["mail.message"].with_user(user)
                self.assertRefusedOrEmpty(
                    Message.search, [("model", "=", "vip.dossier"), ("res_id", "=", self.other_dossier.id)]
                )
                message = self.other_dossier.message_ids[:1].with_user(user)
                with self.assertRaises(AccessError):
                    message.read(["body"])
        found = (
            self.env["mail.message"]
            .with_user(self.manager2)
            .search([("res_id", "=", self.other_dossier.id), ("model", "=", "vip.dossier")])
        )
        self.assertTrue(found, "the client's own manager reads the chatter")

    def test_followers(self):
        self.fresh()
        domain = [("res_model", "=", "vip.dossier"), ("res_id", "=", self.other_dossier.id)]
        for user in self.outsiders:
            with self.subTest(user=user.login):
                Followers = self.env["mail.followers"].with_user(user)
                self.assertFalse(Followers.search(domain))
                self.assertFalse(Followers.search_read(domain, ["partner_id"]))
                follower = self.env["mail.followers"].search(domain, limit=1).with_user(user)
                with self.assertRaises(AccessError):
                    follower.read(["partner_id"])
        self.assertTrue(self.env["mail.followers"].with_user(self.manager2).search(domain))
        self.assertTrue(self.env["mail.followers"].with_user(self.supervisor).search(domain))
        # followers of ordinary documents are untouched
        partner = self.env["res.partner"].create({"name": "Plain Contact"})
        partner.message_subscribe(partner_ids=self.manager2.partner_id.ids)
        self.fresh()
        plain = [("res_model", "=", "res.partner"), ("res_id", "=", partner.id)]
        self.assertTrue(self.env["mail.followers"].with_user(self.employee).search(plain))

    def test_attachments(self):
        self.fresh()
        for user in self.outsiders:
            with self.subTest(user=user.login):
                Attachment = self.env["ir.attachment"].with_user(user)
                self.assertRefusedOrEmpty(
                    Attachment.search, [("res_model", "=", "vip.dossier"), ("res_id", "=", self.other_dossier.id)]
                )
                with self.assertRaises(AccessError):
                    self.attachment.with_user(user).read(["datas"])
        self.assertEqual(self.attachment.with_user(self.manager2).raw, b"%PDF secret")

    def test_activities(self):
        self.fresh()
        for user in self.outsiders:
            with self.subTest(user=user.login):
                Activity = self.env["mail.activity"].with_user(user)
                self.assertRefusedOrEmpty(
                    Activity.search, [("res_model", "=", "vip.dossier"), ("res_id", "=", self.other_dossier.id)]
                )
                with self.assertRaises(AccessError):
                    self.activity.with_user(user).read(["summary"])
        # supervisors control every manager's tasks, but do not change them
        supervisor_activity = self.activity.with_user(self.supervisor)
        self.assertEqual(supervisor_activity.summary, "Birthday call")
        found = self.env["mail.activity"].with_user(self.supervisor).search([("res_model", "=", "vip.dossier")])
        self.assertIn(self.activity, found)
        with self.assertRaises(AccessError):
            supervisor_activity.write({"summary": "Changed"})
        with self.assertRaises(AccessError):
            supervisor_activity.unlink()
        self.activity.with_user(self.manager2).write({"summary": "Birthday call, 10:00"})

    def test_money_is_protected_at_field_level(self):
        self.fresh()
        # the emergency user reads a granted dossier, but never its money
        self.env["vip.access.grant"].create(
            {
                "user_id": self.emergency.id,
                "dossier_id": self.other_dossier.id,
                "reason": "Test",
                "date_end": "2999-01-01",
            }
        )
        self.fresh()
        dossier = self.other_dossier.with_user(self.emergency)
        self.assertEqual(dossier.read(["name"])[0]["name"], "Other Client")
        for field in ("income_12m", "income_ytd", "operation_ids", "income_ids"):
            with self.subTest(field=field), self.assertRaises(AccessError):
                dossier.read([field])
        interaction = self.other_records["vip.interaction"].with_user(self.emergency)
        with self.assertRaises(AccessError):
            interaction.web_read({"dossier_id": {"fields": {"income_12m": {}}}})
        with self.assertRaises(AccessError):
            self.env["vip.operation"].with_user(self.emergency).search([])
        # managers and supervisors see the money
        self.assertEqual(self.dossier.with_user(self.manager).read(["income_12m"])[0]["income_12m"], 0.0)
        self.assertEqual(self.other_records["vip.income"].with_user(self.supervisor).amount, 7)

    def test_shared_models_reveal_nothing(self):
        """res.partner and res.users show no VIP fact to who may not read the client.

        The client's card is protected by rules (test_vip_insider); the one
        relation it gains, to find the client's members, is for the system only.
        """
        self.fresh()
        added = self.env["ir.model.fields"].search(
            [("model", "in", ("res.partner", "res.users")), ("relation", "=like", "vip.%")]
        )
        self.assertEqual(set(added.mapped("name")), {"vip_dossier_ids", "vip_branch_id", "vip_headed_branch_ids"})
        self.assertEqual(self.env["res.partner"]._fields["vip_dossier_ids"].groups, "base.group_system")
        # a user's branch (no client in it) is for the VIP desk only
        for name in ("vip_branch_id", "vip_headed_branch_ids"):
            self.assertEqual(
                self.env["res.users"]._fields[name].groups,
                "vip_dossier.group_vip_manager,vip_dossier.group_vip_supervisor",
            )
        with self.assertRaises(AccessError):
            self.other_dossier.partner_id.with_user(self.employee).read(["name"])
        ordinary = self.env["res.partner"].create({"name": "Ordinary Contact"}).with_user(self.employee)
        text = repr(ordinary.read()[0])
        self.assertNotIn("vip_dossier_ids", text)
        self.assertNotIn("vip.dossier", text)
