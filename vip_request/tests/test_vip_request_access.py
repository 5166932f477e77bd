# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import TODAY, VipRequestCase

# refused by the access rules or by the guard of the links (AccessError or ValidationError)
REFUSED = UserError


@tagged("post_install", "-at_install")
class TestVipRequestAccess(VipRequestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # both requests with their expert, the other client's answered: a chase task, a message, a follow-up
        with freeze_time(TODAY):
            cls.request.with_user(cls.manager).action_send_to_expert()
            cls.other_request.with_user(cls.manager2).action_send_to_expert()
            cls.other_request.with_user(cls.manager2).write({"answer": "Secret answer"})
            cls.other_request.with_user(cls.manager2).action_record_answer()

    def assert_reads_nothing(self, user, request):
        """``user`` learns nothing of ``request``: not by search, count, group, name, id, nor through its
        chatter, tasks or followers."""
        self.fresh()
        Request = self.Request.with_user(user)
        domain = [("id", "=", request.id)]
        self.assertFalse(Request.search(domain))
        self.assertFalse(Request.search_count([("dossier_id", "=", request.dossier_id.id)]))
        self.assertFalse(Request.name_search(request.name))
        with self.assertRaises(AccessError):
            request.with_user(user).read(["name", "question"])
        with self.assertRaises(AccessError):
            request.with_user(user).answer  # noqa: B018
        pointing = [("model", "=", "vip.request"), ("res_id", "=", request.id)]
        self.assertFalse(self.env["mail.message"].with_user(user).search(pointing))
        self.assertFalse(
            self.env["mail.followers"]
            .with_user(user)
            .search([("res_model", "=", "vip.request"), ("res_id", "=", request.id)])
        )
        self.assertFalse(
            self.env["mail.activity"]
            .with_user(user)
            .search([("res_model", "=", "vip.request"), ("res_id", "=", request.id)])
        )
        self.assertFalse(
            self.env["mail.activity"]
            .with_user(user)
            .search([("res_model", "=", "vip.dossier"), ("res_id", "=", request.dossier_id.id)])
        )

    # ------------------------------------------------------------------
    # outsiders: any employee, the expert
    # ------------------------------------------------------------------
    def test_employee_and_expert_read_nothing(self):
        for user in (self.employee, self.expert):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.Request.with_user(user).search([])
                with self.assertRaises(AccessError):
                    self.Request.with_user(user).read_group([], ["area_id"], ["area_id"])
                with self.assertRaises(AccessError):
                    self.new_request(user, self.dossier)
                for request in (self.request, self.other_request):
                    with self.assertRaises(AccessError):
                        request.with_user(user).read(["name", "question", "answer"])
                    with self.assertRaises(AccessError):
                        request.with_user(user).write({"answer": "x"})
                    with self.assertRaises(AccessError):
                        request.with_user(user).action_send_to_expert()
                    with self.assertRaises(AccessError):
                        request.with_user(user).message_post(body="x")
                    pointing = [("model", "=", "vip.request"), ("res_id", "=", request.id)]
                    self.assertFalse(self.env["mail.message"].with_user(user).search(pointing))
                    self.assertFalse(
                        self.env["mail.activity"]
                        .with_user(user)
                        .search([("res_model", "=", "vip.request"), ("res_id", "=", request.id)])
                    )
                with self.assertRaises(AccessError):
                    self.env["vip.request.area"].with_user(user).search([])

    def test_the_expert_gets_the_message_only(self):
        """The expert's e-mail is on no record and only the system reads outgoing mail; the expert follows
        nothing and is given no task on the client or the request."""
        self.fresh()
        self.assertNotIn(self.expert.partner_id, self.request.message_partner_ids)
        self.assertFalse(self.env["mail.activity"].search([("user_id", "=", self.expert.id)]))
        with self.assertRaises(AccessError):
            self.env["mail.mail"].with_user(self.expert).search([])
        # a manager cannot make the expert a follower or notify them of the client's request
        with self.assertRaises(AccessError):
            self.request.with_user(self.manager).message_subscribe(partner_ids=self.expert.partner_id.ids)
        with self.assertRaises(AccessError):
            self.request.with_user(self.manager).message_post(body="x", partner_ids=self.expert.partner_id.ids)
        # nor assign them a task on it, which they could not read anyway
        activity = self.env["mail.activity"]
        with self.assertRaises(REFUSED):
            activity.with_user(self.manager).create(
                {
                    "res_model_id": self.env["ir.model"]._get_id("vip.request"),
                    "res_id": self.request.id,
                    "user_id": self.expert.id,
                    "summary": "Answer",
                }
            ).with_user(self.expert).read(["summary", "res_name"])

    # ------------------------------------------------------------------
    # the manager of other clients
    # ------------------------------------------------------------------
    def test_another_manager_reads_and_moves_nothing(self):
        self.fresh()
        Request = self.Request.with_user(self.manager)
        # allowed: their own
        self.assertEqual(Request.search([]), self.request)
        self.assertEqual(Request.name_search(self.request.name)[0][0], self.request.id)
        self.assertEqual(self.request.with_user(self.manager).read(["question"])[0]["question"], self.request.question)
        groups = Request.read_group([], ["dossier_id"], ["dossier_id"])
        self.assertEqual([g["dossier_id"][0] for g in groups], [self.dossier.id])
        # refused: the other client's
        self.assert_reads_nothing(self.manager, self.other_request)
        self.assertFalse(Request.search([("answer", "ilike", "Secret")]))
        with self.assertRaises(AccessError):
            self.other_request.with_user(self.manager).write({"answer": "x"})
        with self.assertRaises(AccessError):
            self.other_request.with_user(self.manager).unlink()
        for action in ("action_send_to_expert", "action_record_answer", "action_close", "action_cancel"):
            with self.subTest(action=action), self.assertRaises(AccessError):
                getattr(self.other_request.with_user(self.manager), action)()
        with self.assertRaises(AccessError):
            self.other_request.with_user(self.manager).message_post(body="x")
        # creating on the other client, directly or through the context's defaults
        with freeze_time(TODAY):
            with self.assertRaises(REFUSED):
                self.new_request(self.manager, self.other_dossier)
            with self.assertRaises(REFUSED):
                self.Request.with_user(self.manager).with_context(default_dossier_id=self.other_dossier.id).create(
                    {"name": "x", "question": "x", "area_id": self.area.id}
                )
        # moving one's own request onto the other client, or pointing it at the other client's task
        with self.assertRaises(REFUSED):
            self.request.with_user(self.manager).write({"dossier_id": self.other_dossier.id})
        with self.assertRaises(REFUSED):
            self.request.with_user(self.manager).write(
                {"follow_up_activity_id": self.other_request.follow_up_activity_id.id}
            )
        self.fresh()
        self.assertEqual(self.request.dossier_id, self.dossier)
        self.assertEqual(self.other_request.answer, "Secret answer")

    def test_the_system_keeps_pointers_within_the_client(self):
        with self.assertRaises(ValidationError):
            self.request.write({"follow_up_activity_id": self.other_request.follow_up_activity_id.id})

    # ------------------------------------------------------------------
    # top management, emergency readers, administrators
    # ------------------------------------------------------------------
    def test_supervisor_reads_all_and_changes_nothing(self):
        self.fresh()
        Request = self.Request.with_user(self.supervisor)
        self.assertEqual(
            Request.search([("id", "in", (self.request | self.other_request).ids)]), self.request | self.other_request
        )
        self.assertEqual(self.other_request.with_user(self.supervisor).answer, "Secret answer")
        self.assertTrue(self.env["mail.message"].with_user(self.supervisor).search([("model", "=", "vip.request")]))
        with self.assertRaises(AccessError):
            self.request.with_user(self.supervisor).write({"due_date": "2027-01-01"})
        with self.assertRaises(AccessError):
            self.request.with_user(self.supervisor).unlink()
        with self.assertRaises(AccessError), freeze_time(TODAY):
            self.new_request(self.supervisor, self.dossier)
        with self.assertRaises(AccessError):
            self.request.with_user(self.supervisor).action_cancel()
        with self.assertRaises(AccessError):
            self.request.with_user(self.supervisor).message_post(body="x")
        with self.assertRaises(REFUSED):
            self.request.activity_ids.with_user(self.supervisor).action_feedback(feedback="done")

    def test_emergency_reader_reads_the_granted_client_only(self):
        self.grant_emergency(self.other_dossier)
        self.assertEqual(self.other_request.with_user(self.emergency).answer, "Secret answer")
        self.assert_reads_nothing(self.emergency, self.request)
        with self.assertRaises(AccessError):
            self.other_request.with_user(self.emergency).write({"answer": "x"})
        with self.assertRaises(AccessError):
            self.other_request.with_user(self.emergency).action_close()
        with self.assertRaises(AccessError):
            self.other_request.with_user(self.emergency).message_post(body="x")

    def test_areas_are_configured_by_administrators(self):
        self.assertTrue(self.env["vip.request.area"].with_user(self.manager).search([]))
        with self.assertRaises(AccessError):
            self.area.with_user(self.manager).write({"response_days": 30})
        with self.assertRaises(AccessError):
            self.area.with_user(self.supervisor).write({"response_days": 30})
        self.area.with_user(self.vip_admin).write({"response_days": 5})
        self.assertEqual(self.area.response_days, 5)

    # ------------------------------------------------------------------
    # followers who lose the client, and the access log
    # ------------------------------------------------------------------
    def test_removed_deputy_stops_following_the_requests(self):
        self.request.with_user(self.manager).message_subscribe(partner_ids=self.deputy.partner_id.ids)
        self.assertIn(self.deputy.partner_id, self.request.message_partner_ids)
        self.dossier.with_user(self.vip_admin).write({"deputy_id": False})
        self.fresh()
        self.assertNotIn(self.deputy.partner_id, self.request.message_partner_ids)
        self.assert_reads_nothing(self.deputy, self.request)

    def test_reads_are_logged(self):
        Log = self.env["vip.access.log"]
        before = Log.search_count([("dossier_id", "=", self.dossier.id), ("user_id", "=", self.manager.id)])
        self.fresh()
        self.request.with_user(self.manager).read(["question"])
        after = Log.search_count([("dossier_id", "=", self.dossier.id), ("user_id", "=", self.manager.id)])
        self.assertEqual(after, before + 1)
