# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests.common import tagged

from odoo.addons.vip_security.models import vip_access_logged_mixin
from odoo.addons.vip_security.models.vip_access_logged_mixin import NOT_A_READ

from .common import VipSecurityCase

FORM_SPEC = {
    "name": {},
    "tier_id": {"fields": {"display_name": {}}},
    "user_id": {"fields": {"display_name": {}}},
    "relative_ids": {"fields": {"name": {}, "birth_date": {}}},
    "interaction_ids": {"fields": {"subject": {}, "date": {}}},
    "income_12m": {},
}


@tagged("post_install", "-at_install")
class TestVipAccessLog(VipSecurityCase):
    def _logs(self, dossier):
        return self.env["vip.access.log"].search([("dossier_id", "=", dossier.id)])

    def test_opening_a_dossier_is_logged(self):
        self.dossier.with_user(self.manager).web_read(FORM_SPEC)
        self.other_dossier.with_user(self.supervisor).web_read(FORM_SPEC)
        log = self._logs(self.dossier)
        self.assertEqual(len(log), 1)
        self.assertEqual((log.user_id, log.event, log.dossier_name), (self.manager, "open", self.dossier.name))
        self.assertEqual(self._logs(self.other_dossier).user_id, self.supervisor)

    def test_every_read_is_logged_once(self):
        """A list page, an API read, a search_read, an export: one entry per client per call."""
        other = self.env["vip.dossier"].create({"name": "Third Client", "user_id": self.manager.id})
        Dossier = self.env["vip.dossier"].with_user(self.manager)
        Dossier.web_search_read([("id", "in", (self.dossier | other).ids)], {"name": {}, "phone": {}})
        self.assertEqual(len(self._logs(self.dossier)), 1)
        self.assertEqual(len(self._logs(other)), 1)
        Dossier.browse(self.dossier.id).read(["phone"])
        Dossier.search_read([("id", "=", self.dossier.id)], ["email"])
        self.manager.groups_id |= self.env.ref("base.group_allow_export")
        Dossier.browse(self.dossier.id).export_data(["name", "phone"])
        self.assertEqual(len(self._logs(self.dossier)), 4)
        self.assertEqual(set(self._logs(self.dossier).mapped("event")), {"open"})
        # a client's satellite records are the client's data too
        self.records["vip.relative"].with_user(self.manager).read(["birth_date"])
        self.assertEqual(len(self._logs(self.dossier)), 5)

    def test_a_list_grouped_by_client_is_a_read_of_each_client(self):
        """Each group of a list or pivot grouped by client shows that client's figures."""
        Relative = self.env["vip.relative"].with_user(self.manager)
        domain = [("dossier_id", "=", self.dossier.id)]
        Relative.read_group(domain, ["__count"], ["dossier_id"])
        self.assertEqual(len(self._logs(self.dossier)), 1)
        Relative.web_read_group(domain, ["__count"], ["relation_type_id", "dossier_id"], lazy=False)
        self.assertEqual(len(self._logs(self.dossier)), 2)
        # figures of a handful of clients are theirs: one client's relatives per relation, its birth date
        Relative.read_group(domain, ["__count"], ["relation_type_id"])
        self.env["vip.dossier"].with_user(self.manager).read_group(
            [("id", "=", self.dossier.id)], ["__count"], ["birth_date:day"], lazy=False
        )
        self.assertEqual(len(self._logs(self.dossier)), 4)
        # figures over more clients than a page are not one client's data
        second = self.env["vip.dossier"].create({"name": "Second Client", "user_id": self.manager.id})
        self._make_records(second)
        with patch.object(vip_access_logged_mixin, "FEW_CLIENTS", 1):
            Relative.read_group([], ["__count"], ["relation_type_id"])
            self.env["vip.dossier"].with_user(self.manager).read_group([], ["__count"], ["user_id"])
        self.assertEqual(len(self._logs(self.dossier)), 4)

    def test_a_clients_card_and_tasks_are_the_clients_data(self):
        """The card shows the client's phone and e-mail; a task its summary and note: reading them is a
        read of the client, logged like one."""
        card = self.dossier.partner_id
        self.env["res.partner"].browse(card.id).with_user(self.supervisor).read(["email", "phone"])
        self.assertEqual(self._logs(self.dossier).user_id, self.supervisor)
        activity = self.dossier.activity_schedule(
            "mail.mail_activity_data_call", summary="Gift", user_id=self.manager.id
        )
        self.env["mail.activity"].with_user(self.manager).search_read([("id", "=", activity.id)], ["summary", "note"])
        self.assertEqual(self._logs(self.dossier).mapped("user_id"), self.manager | self.supervisor)
        # an ordinary contact, or a name only, is nobody's data
        other = self.env["res.partner"].create({"name": "A supplier", "email": "s@example.com"})
        other.with_user(self.manager).read(["email"])
        card.with_user(self.manager).read(["display_name"])
        self.assertEqual(len(self._logs(self.dossier)), 2)

    def test_a_form_linked_to_a_client_is_a_read_of_it(self):
        """A new record's form linked to a client's card computes the card's phone, e-mail and photo
        (``onchange``): a read of that client, logged; the own client's form changing a field is not
        read again."""
        self.dossier.phone = "+7 495 000 11 22"
        spec = {"partner_id": {}, "phone": {}, "mobile": {}, "email": {}}
        result = (
            self.env["vip.dossier"]
            .with_user(self.supervisor)
            .onchange({"partner_id": self.dossier.partner_id.id}, ["partner_id"], spec)
        )
        self.assertEqual(result["value"]["phone"], "+7 495 000 11 22")
        self.assertEqual(self._logs(self.dossier).user_id, self.supervisor)
        self.assertEqual(self._logs(self.dossier).channel, "form")
        self.dossier.with_user(self.manager).onchange(
            {"partner_id": self.dossier.partner_id.id, "notes": "Likes tea"}, ["notes"], spec
        )
        self.assertEqual(len(self._logs(self.dossier)), 1)

    def test_a_form_of_ones_own_record_read_in_full_is_logged(self):
        """``onchange`` on a record of the client with no field changed (a full form) or asking its
        client's data through a link returns that data: a read, logged. Links to clients in a call that
        returns nothing are not reads (no entries to bury the real ones)."""
        relative = self.env["vip.relative"].search([("dossier_id", "=", self.dossier.id)], limit=1)
        spec = {"dossier_id": {"fields": {"display_name": {}, "phone": {}, "birth_date": {}}}}
        supervisor_relative = relative.with_user(self.supervisor)
        supervisor_relative.onchange({"dossier_id": self.dossier.id}, [], spec)
        self.assertEqual(len(self._logs(self.dossier)), 1, "a full form")
        # nothing returned, nothing read
        cards = (self.dossier | self.other_dossier).partner_id
        self.env["res.partner"].with_user(self.supervisor).onchange(
            {"name": "x", "child_ids": [Command.link(card.id) for card in cards]}, ["name"], {"name": {}}
        )
        self.assertEqual(len(self._logs(self.dossier)), 1)
        self.assertFalse(self._logs(self.other_dossier))

    def test_copy_data_is_a_read(self):
        """``copy_data`` (public) returns the values a duplicate would get: the client's data."""
        self.dossier.phone = "+7 495 000 11 22"
        self.dossier.with_user(self.supervisor).copy_data()
        self.assertEqual(len(self._logs(self.dossier)), 1)
        self.dossier.partner_id.with_user(self.supervisor).copy_data()
        self.assertEqual(len(self._logs(self.dossier)), 2)

    def test_grouped_values_are_a_read_of_each_row(self):
        """Names, phones or notes gathered in groups (``array_agg``, ``max`` of a text, a group per
        phone) are each row's data, however many clients; counts are figures."""
        self.dossier.phone = "+7 495 000 11 22"
        self.dossier.activity_schedule("mail.mail_activity_data_call", note="Gift: a watch", user_id=self.manager.id)
        Partner = self.env["res.partner"].with_user(self.supervisor)
        Partner.read_group([("vip_client", "=", True)], ["__count"], ["company_id"])
        self.assertFalse(self._logs(self.dossier), "a count of contacts per company")
        rows = Partner.read_group([("vip_client", "=", True)], ["phone:array_agg"], ["company_id"])
        self.assertIn("+7 495 000 11 22", str(rows))
        self.assertEqual(len(self._logs(self.dossier)), 1)
        Partner.read_group([("vip_client", "=", True)], ["__count"], ["phone"])
        self.assertEqual(len(self._logs(self.dossier)), 2, "a group per phone number")
        self.env["mail.activity"].with_user(self.supervisor).read_group(
            [("res_model", "=", "vip.dossier")], ["note:max"], ["res_id"]
        )
        self.assertEqual(len(self._logs(self.dossier)), 3)
        self.env["vip.relative"].with_user(self.supervisor).read_group(
            [], ["first_name:array_agg"], ["relation_type_id"]
        )
        self.assertEqual(len(self._logs(self.dossier)), 4)

    def test_the_caller_cannot_switch_the_log_off(self):
        """The context comes from the caller: keys that tell the log to stay quiet must not work from it."""
        for context in ({"vip_no_access_log": True}, {"vip_access_logged": True}, {"vip_access_log": True}):
            self.dossier.with_user(self.manager).with_context(**context).read(["phone"])
            self.dossier.partner_id.with_user(self.manager).with_context(**context).read(["phone"])
        self.assertEqual(len(self._logs(self.dossier)), 6)

    def test_nested_names_are_not_new_reads(self):
        # the form reads its relatives and interactions inside the same call: one entry
        self.dossier.with_user(self.manager).web_read(FORM_SPEC)
        self.assertEqual(len(self._logs(self.dossier)), 1)
        # a link to the client (its name) is not a read of its data
        self.records["vip.interaction"].with_user(self.manager).web_read(
            {"subject": {}, "dossier_id": {"fields": {"display_name": {}}}}
        )
        self.assertEqual(len(self._logs(self.dossier)), 2, "the interaction is logged, its link is not")

    def test_a_list_page_is_one_insert(self):
        dossiers = self.env["vip.dossier"].create(
            [{"name": f"Client {i}", "user_id": self.manager.id} for i in range(20)]
        )
        Dossier = self.env["vip.dossier"].with_user(self.manager)
        domain = [("id", "in", dossiers.ids)]
        Dossier.web_search_read(domain, {"name": {}})  # warm the caches
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        Dossier.with_context(vip_access_log=NOT_A_READ).web_search_read(domain, {"name": {}})
        without = self.env.cr.sql_log_count - before
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        Dossier.web_search_read(domain, {"name": {}})
        self.assertEqual(self.env.cr.sql_log_count - before, without + 1)
        self.assertEqual(self.env["vip.access.log"].search_count([("dossier_id", "in", dossiers.ids)]), 40)

    def test_refused_opening_is_not_logged_as_access(self):
        with self.assertRaises(AccessError):
            self.other_dossier.with_user(self.manager).web_read(FORM_SPEC)
        self.assertFalse(self._logs(self.other_dossier))

    def test_log_is_history(self):
        self.dossier.with_user(self.manager).web_read(FORM_SPEC)
        log = self._logs(self.dossier)
        self.fresh()
        self.assertEqual(log.with_user(self.supervisor).user_id, self.manager)
        self.assertEqual(log.with_user(self.vip_admin).event, "open")
        for user in (self.manager, self.employee):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                log.with_user(user).read(["user_id"])
        for user in (self.supervisor, self.vip_admin):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                log.with_user(user).write({"note": "edited"})
        with self.assertRaises(UserError):
            log.write({"note": "edited"})
        with self.assertRaises(UserError):
            log.unlink()
        self.dossier.unlink()
        self.assertEqual(log.dossier_name, "Петров Иван Сергеевич", "the entry outlives the dossier")

    def test_logging_costs_a_few_queries(self):
        """Opening a dossier: the log adds one INSERT (pinned with and without it)."""
        dossier = self.dossier.with_user(self.manager)
        dossier.web_read(FORM_SPEC)  # warm the caches (ir.rule, ir.model.access)
        self.env.invalidate_all()
        with self.assertQueryCount(10):
            dossier.with_context(vip_access_log=NOT_A_READ).web_read(FORM_SPEC)
        self.env.invalidate_all()
        with self.assertQueryCount(11):
            dossier.web_read(FORM_SPEC)

    def test_opening_costs_constant_queries(self):
        """≤ 40 queries to open a dossier, whatever the number of relatives, operations or interactions."""
        spec = dict(
            FORM_SPEC,
            preference_ids={"fields": {"value": {}, "category_id": {"fields": {"display_name": {}}}}},
            trusted_person_ids={"fields": {"name": {}, "state": {}}},
            relative_count={},
            interaction_count={},
            operation_count={},
            last_interaction_date={},
            income_ytd={},
            activity_ids={"fields": {"summary": {}}},
        )
        small = self.env["vip.dossier"].create({"name": "Small Family", "user_id": self.manager.id})
        big = self.env["vip.dossier"].create({"name": "Big Family", "user_id": self.manager.id})
        for dossier, n in ((small, 1), (big, 40)):
            self.env["vip.relative"].create(
                [
                    {"dossier_id": dossier.id, "relation_type_id": self.spouse.id, "first_name": f"R{i}"}
                    for i in range(n)
                ]
            )
            self.env["vip.preference"].create(
                [{"dossier_id": dossier.id, "category_id": self.gifts.id, "value": f"P{i}"} for i in range(n)]
            )
            self.env["vip.trusted.person"].create(
                [
                    {"dossier_id": dossier.id, "name": f"T{i}", "scope": "All", "valid_from": "2025-01-01"}
                    for i in range(n)
                ]
            )
            self.env["vip.interaction"].create([{"dossier_id": dossier.id, "subject": f"Call {i}"} for i in range(n)])
            self.env["vip.operation"].create(
                [
                    {"dossier_id": dossier.id, "date": "2025-01-01", "operation_type": "fee", "amount": i + 1}
                    for i in range(n * 10)
                ]
            )
            for i in range(n):
                dossier.activity_schedule("mail.mail_activity_data_call", summary=f"A{i}", user_id=self.manager.id)
        counts = []
        for dossier in (small, big):
            dossier = dossier.with_user(self.manager)
            dossier.web_read(spec)  # warm the rule and access caches
            self.fresh()
            before = self.env.cr.sql_log_count
            dossier.web_read(spec)
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(counts[0], counts[1], "the cost does not grow with the dossier")
        self.assertLessEqual(counts[1], 40)

    def test_a_save_shows_the_form_again_a_logged_read(self):
        """The form comes back with the save: whatever it was given (a field that saves nothing, the
        same value, nothing at all) and whichever record it shows next, that is a reading."""
        Dossier = self.env["vip.dossier"].with_user(self.manager)
        second = self.env["vip.dossier"].create({"name": "Second Client", "user_id": self.manager.id})
        for vals in ({"job_title": "CEO"}, {"job_title": "CEO"}, {}):
            Dossier.browse(self.dossier.id).web_save(vals, FORM_SPEC)
        self.assertEqual(len(self._logs(self.dossier)), 3)
        Dossier.browse(self.dossier.id).web_save({"job_title": "CFO"}, FORM_SPEC, next_id=second.id)
        self.assertEqual(len(self._logs(second)), 1)

    def test_files_and_photos_of_a_client_are_logged_reads(self):
        """A power of attorney's scan, a file on the dossier, the photo: downloading one reads the client."""
        Binary = self.env["ir.binary"].with_user(self.manager)
        trusted = self.records["vip.trusted.person"]
        trusted.document = base64.b64encode(b"%PDF-1.4 scan")
        attachment = self.env["ir.attachment"].create(
            {"name": "passport.pdf", "raw": b"%PDF", "res_model": "vip.dossier", "res_id": self.dossier.id}
        )
        Binary._find_record(res_model="vip.trusted.person", res_id=trusted.id, field="document")
        Binary._find_record(res_model="ir.attachment", res_id=attachment.id)
        Binary._find_record(res_model="vip.dossier", res_id=self.dossier.id, field="image_1920")
        self.assertEqual(self._logs(self.dossier).mapped("channel"), ["file"] * 3)
        # finding whose file it is reads nothing the user may not read: another client's file stays refused
        other = self.env["ir.attachment"].create(
            {"name": "other.pdf", "raw": b"%PDF secret", "res_model": "vip.dossier", "res_id": self.other_dossier.id}
        )
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            Binary._find_record(res_model="ir.attachment", res_id=other.id)
        # a thumbnail beside a row of a list whose page was logged is not a reading of its own
        Binary._find_record(res_model="vip.dossier", res_id=self.dossier.id, field="image_128")
        self.assertEqual(len(self._logs(self.dossier)), 3)
