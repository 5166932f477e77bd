# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The insider: a logged-in employee, or the manager of other clients, calling
any public method of any model, not only what the UI shows.

The suite walks the registry instead of listing models: every model that can
point at a record (``res_model``/``res_id`` pairs, references, lists of ids),
every pointer of a VIP record. A module that brings a new side door makes it
fail without a new test.
"""

import importlib.util
import os

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.modules.module import get_module_path
from odoo.tests.common import tagged

from odoo.addons.vip_security.models.base import CARD_DETAILS, _as_id, is_vip_model

from .common import VipSecurityCase

# AccessError and ValidationError are UserErrors: a clear refusal, never a traceback
REFUSED = UserError


@tagged("post_install", "-at_install")
class TestVipInsider(VipSecurityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_dossier.message_subscribe(partner_ids=cls.manager2.partner_id.ids)
        cls.other_dossier.message_post(body="Plans a large deposit", message_type="comment")
        cls.other_activity = cls.other_dossier.activity_schedule(
            "mail.mail_activity_data_call", summary="Birthday call", user_id=cls.manager2.id
        )
        cls.other_attachment = cls.env["ir.attachment"].create(
            {"name": "passport.pdf", "raw": b"secret", "res_model": "vip.dossier", "res_id": cls.other_dossier.id}
        )
        cls.other_event = cls.env["calendar.event"].create(
            {
                "name": "Birthday of Other Client",
                "start": fields.Datetime.now(),
                "stop": fields.Datetime.now(),
                "privacy": "private",
                "res_model_id": cls.env["ir.model"]._get_id("vip.dossier"),
                "res_id": cls.other_dossier.id,
                "user_id": cls.manager2.id,
                "partner_ids": [Command.link(cls.manager2.partner_id.id)],
            }
        )
        cls.attackers = (cls.employee, cls.manager, cls.emergency)

    def _pointer_models(self):
        """Every model of the registry with a field that can hold another record's (model, id)."""
        for name in self.env.registry:
            Model = self.env[name]
            if Model._abstract or not Model._auto:
                continue
            if Model._vip_pointer_specs():
                yield Model

    # ------------------------------------------------------------------
    # the walk knows every door
    # ------------------------------------------------------------------
    def test_every_pointer_field_is_known_to_the_guard(self):
        """A field shaped like a pointer that the guard does not know would be an open door."""
        unknown = []
        for name in self.env.registry:
            Model = self.env[name]
            if Model._abstract:
                continue
            guarded = {id_field for _kind, _model_field, id_field in Model._vip_pointer_specs()}
            for fname, field in Model._fields.items():
                looks_like_pointer = field.type in ("many2one_reference", "reference") or (
                    fname in ("res_id", "res_ids") and any(f in Model._fields for f in ("res_model", "model"))
                )
                if looks_like_pointer and fname not in guarded:
                    unknown.append(f"{name}.{fname}")
        self.assertFalse(unknown, "pointer fields the guard does not know")
        # the walk itself found the core doors the threat model names
        found = {Model._name for Model in self._pointer_models()}
        for model in (
            "mail.activity",
            "mail.message",
            "mail.followers",
            "ir.attachment",
            "calendar.event",
            "mail.compose.message",
            "mail.template.preview",
            "sms.composer",
            "ir.model.data",
        ):
            self.assertIn(model, found)

    def test_pointer_rows_are_invisible_to_outsiders(self):
        """search, search_count and read_group on every pointer model find nothing of another client."""
        tried = 0
        for Model in self._pointer_models():
            for kind, model_field, id_field in Model._vip_pointer_specs():
                if kind != "ref" or not Model._fields[id_field].store or not Model._fields[model_field].store:
                    continue
                domain = [(model_field, "=", "vip.dossier"), (id_field, "=", self.other_dossier.id)]
                present = Model.sudo().search_count(domain)
                for user in self.attackers:
                    with self.subTest(model=Model._name, field=id_field, user=user.login):
                        self.fresh()
                        As = Model.with_user(user)
                        try:
                            count = As.search_count(domain)
                            groups = As.read_group(domain, [id_field], [id_field]) if present else []
                        except AccessError:
                            continue
                        tried += present
                        self.assertEqual(count, 0)
                        self.assertFalse(groups)
        # the fixture put messages, followers, a task, a file and an event on the other client
        self.assertGreaterEqual(tried, 5 * len(self.attackers))

    def test_pointer_rows_of_the_client_are_visible_to_its_members(self):
        """The same searches answer for who reads the client: the guard hides, it does not break."""
        for user in (self.manager2, self.supervisor):
            self.fresh()
            for Model in (self.env["mail.message"], self.env["mail.activity"], self.env["mail.followers"]):
                domain = [("model" if "model" in Model._fields else "res_model", "=", "vip.dossier")]
                domain.append(("res_id", "=", self.other_dossier.id))
                with self.subTest(model=Model._name, user=user.login):
                    self.assertTrue(Model.with_user(user).search_count(domain))

    def test_pointer_rows_cannot_be_read_by_id(self):
        for record in (
            self.other_activity,
            self.other_attachment,
            self.other_event,
            self.other_dossier.message_ids[:1],
        ):
            for user in self.attackers:
                with self.subTest(model=record._name, user=user.login):
                    self.fresh()
                    with self.assertRaises(AccessError):
                        record.with_user(user).read(["res_id"])

    # ------------------------------------------------------------------
    # retargeting one's own records
    # ------------------------------------------------------------------
    def test_retargeting_an_activity(self):
        """An employee's activity on their own event, moved onto a client, to read its name."""
        event = (
            self.env["calendar.event"]
            .with_user(self.employee)
            .create({"name": "Mine", "start": fields.Datetime.now(), "stop": fields.Datetime.now()})
        )
        activity = (
            self.env["mail.activity"]
            .with_user(self.employee)
            .create(
                {
                    "res_model_id": self.env["ir.model"]._get_id("calendar.event"),
                    "res_id": event.id,
                    "user_id": self.employee.id,
                    "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
                }
            )
        )
        for vals in (
            {"res_model_id": self.env["ir.model"]._get_id("vip.dossier"), "res_id": self.other_dossier.id},
            {"res_id": self.other_dossier.id, "res_model_id": self.env["ir.model"]._get_id("vip.dossier")},
        ):
            with self.subTest(vals=vals), self.assertRaises(REFUSED):
                activity.with_user(self.employee).write(vals)
        self.fresh()
        self.assertEqual(activity.res_model, "calendar.event")

    def test_retargeting_core_records(self):
        """Every core record a manager owns, moved onto another manager's client."""
        own = {
            "ir.attachment": self.env["ir.attachment"]
            .with_user(self.manager)
            .create({"name": "note.txt", "raw": b"x", "res_model": "vip.dossier", "res_id": self.dossier.id}),
            "mail.message": self.dossier.with_user(self.manager).message_post(body="mine", message_type="comment"),
            "calendar.event": self.env["calendar.event"]
            .with_user(self.manager)
            .create({"name": "Call", "start": fields.Datetime.now(), "stop": fields.Datetime.now()}),
        }
        for model, record in own.items():
            model_field = "model" if model == "mail.message" else "res_model"
            with self.subTest(model=model), self.assertRaises(REFUSED):
                record.with_user(self.manager).write({model_field: "vip.dossier", "res_id": self.other_dossier.id})

    def test_creating_pointers_onto_another_client(self):
        Activity = self.env["mail.activity"].with_user(self.manager)
        with self.assertRaises(REFUSED):
            Activity.create(
                {
                    "res_model_id": self.env["ir.model"]._get_id("vip.dossier"),
                    "res_id": self.other_dossier.id,
                    "user_id": self.manager.id,
                    "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
                }
            )
        with self.assertRaises(REFUSED):
            self.env["ir.attachment"].with_user(self.manager).create(
                {"name": "x", "raw": b"x", "res_model": "vip.dossier", "res_id": self.other_dossier.id}
            )

    # ------------------------------------------------------------------
    # composers, previews, defaults: computed before anything is saved
    # ------------------------------------------------------------------
    def test_composers_and_previews_on_another_client(self):
        template = self.env["mail.template"].create(
            {"name": "Hello", "model_id": self.env["ir.model"]._get_id("vip.dossier"), "body_html": "{{ object.name }}"}
        )
        for user in self.attackers:
            with self.subTest(user=user.login):
                self.fresh()
                with self.assertRaises(REFUSED):
                    self.env["sms.composer"].with_user(user).with_context(
                        default_res_model="vip.dossier", default_res_id=self.other_dossier.id
                    ).create({"body": "hi"})
                with self.assertRaises(REFUSED):
                    self.env["mail.template.preview"].with_user(user).create(
                        {"mail_template_id": template.id, "resource_ref": f"vip.dossier,{self.other_dossier.id}"}
                    )
                with self.assertRaises(REFUSED):
                    self.env["mail.compose.message"].with_user(user).create(
                        {"model": "vip.dossier", "res_ids": str([self.other_dossier.id]), "body": "x"}
                    )
                with self.assertRaises(REFUSED):
                    self.env["sms.composer"].with_user(user).onchange(
                        {"res_model": "vip.dossier", "res_id": self.other_dossier.id},
                        [],
                        {"recipient_single_number": {}},
                    )

    # ------------------------------------------------------------------
    # our own pointers
    # ------------------------------------------------------------------
    def _own_pointer_attacks(self):
        """(record of manager's client, field, value of the other client) for every pointer of every VIP model."""
        Env = self.env
        for name in Env.registry:
            Model = Env[name]
            if Model._abstract or Model._transient or not is_vip_model(name):
                continue
            fnames = set(Model._vip_same_client_fields()) | {n for n, _c in Model._vip_relational_fields()}
            if "dossier_id" not in Model._fields or not fnames:
                continue
            mine = Model.sudo().search([("dossier_id", "=", self.dossier.id)], limit=1)
            if not mine:
                continue
            for fname in sorted(fnames):
                comodel = Env[Model._fields[fname].comodel_name].sudo()
                if fname == "dossier_id":
                    target = self.other_dossier
                elif "dossier_id" in comodel._fields:
                    target = comodel.search([("dossier_id", "=", self.other_dossier.id)], limit=1)
                elif comodel._vip_pointer_specs():
                    model_field = "model" if "model" in comodel._fields else "res_model"
                    target = comodel.search(
                        [(model_field, "=", "vip.dossier"), ("res_id", "=", self.other_dossier.id)], limit=1
                    )
                else:
                    continue
                if target:
                    yield mine, fname, target

    def test_own_pointers_stay_with_their_client(self):
        """No pointer of a manager's record may be set to another client's record, nor move it there."""
        attacks = list(self._own_pointer_attacks())
        for record, fname, target in attacks:
            with self.subTest(model=record._name, field=fname):
                self.fresh()
                with self.assertRaises(REFUSED):
                    record.with_user(self.manager).write({fname: target.id})
        self.fresh()
        self.assertEqual(self.records["vip.relative"].dossier_id, self.dossier)
        # relatives, preferences, trusted persons, interactions, operations, income: at least their dossier_id
        self.assertGreaterEqual(len(attacks), 6)

    def test_same_client_holds_for_the_system_too(self):
        other_relative = self.other_records["vip.relative"]
        with self.assertRaises(ValidationError):
            self.records["vip.trusted.person"].write({"relative_id": other_relative.id})

    # ------------------------------------------------------------------
    # contact cards
    # ------------------------------------------------------------------
    def test_client_contact_card(self):
        partner = self.other_dossier.partner_id
        self.assertTrue(partner.vip_client)
        for user in (self.employee, self.manager, self.emergency):
            with self.subTest(user=user.login):
                self.fresh()
                Partner = self.env["res.partner"].with_user(user)
                with self.assertRaises(AccessError):
                    partner.with_user(user).read(["name", "phone", "email"])
                self.assertFalse(Partner.search([("id", "=", partner.id)]))
                self.assertFalse(Partner.search_count([("vip_client", "=", True), ("id", "=", partner.id)]))
                with self.assertRaises(AccessError):
                    partner.with_user(user).write({"phone": "+7 000"})
        self.fresh()
        # the client's own manager and top management read it; only the manager changes it
        partner.with_user(self.manager2).write({"phone": "+7 495 000 00 00"})
        self.assertEqual(partner.with_user(self.supervisor).phone, "+7 495 000 00 00")
        with self.assertRaises(AccessError):
            partner.with_user(self.supervisor).write({"phone": "+7 000"})
        # ordinary contacts are untouched
        self.assertTrue(self.env["res.partner"].with_user(self.employee).search_count([("vip_client", "=", False)]))

    def test_client_contact_card_follows_the_client(self):
        """A new manager reads the card at once, the former one no longer; so does an install's clean-up."""
        partner = self.other_dossier.partner_id
        self.other_dossier.with_user(self.vip_admin).write({"user_id": self.manager.id})
        self.fresh()
        self.assertEqual(partner.with_user(self.manager).name, self.other_dossier.name)
        with self.assertRaises(AccessError):
            partner.with_user(self.manager2).read(["name"])
        # clients that existed before the policy (demo data): the install fills their cards' readers
        self.env.cr.execute("DELETE FROM vip_partner_reader_rel WHERE partner_id = %s", [partner.id])
        self.env["res.partner"].invalidate_model(["vip_reader_user_ids"])
        with self.assertRaises(AccessError):
            partner.with_user(self.manager).read(["name"])
        self.env["vip.dossier"]._vip_sync_all_card_readers()
        self.fresh()
        self.assertEqual(partner.with_user(self.manager).name, self.other_dossier.name)

    # ------------------------------------------------------------------
    # followers and notifications of who lost access
    # ------------------------------------------------------------------
    def test_removed_deputy_stops_following(self):
        self.dossier.message_subscribe(partner_ids=self.deputy.partner_id.ids)
        self.assertIn(self.deputy.partner_id, self.dossier.message_partner_ids)
        self.dossier.message_post(body="For the deputy", partner_ids=self.deputy.partner_id.ids)
        self.dossier.with_user(self.vip_admin).write({"deputy_id": False})
        self.assertNotIn(self.deputy.partner_id, self.dossier.message_partner_ids)
        self.fresh()
        notifications = self.env["mail.notification"].search(
            [("res_partner_id", "=", self.deputy.partner_id.id), ("mail_message_id.res_id", "=", self.dossier.id)]
        )
        self.assertFalse(notifications.filtered(lambda n: not n.is_read))
        # nor can the former deputy read what notified them
        messages = self.env["mail.message"].with_user(self.deputy).search([("res_id", "=", self.dossier.id)])
        self.assertFalse(messages.filtered(lambda m: m.model == "vip.dossier"))

    def test_outsiders_cannot_be_made_followers(self):
        with self.assertRaises(AccessError):
            self.dossier.with_user(self.manager).message_subscribe(partner_ids=self.employee.partner_id.ids)
        # nor be sent a client's message (a mention e-mails it)
        with self.assertRaises(AccessError):
            self.dossier.with_user(self.manager).message_post(body="Look", partner_ids=self.employee.partner_id.ids)
        self.dossier.with_user(self.manager).message_post(body="For you", partner_ids=self.deputy.partner_id.ids)

    def test_emergency_reader_is_read_only(self):
        self.env["vip.access.grant"].create(
            {
                "user_id": self.emergency.id,
                "dossier_id": self.other_dossier.id,
                "reason": "Client called about a blocked card",
                "date_end": fields.Datetime.add(fields.Datetime.now(), hours=1),
            }
        )
        self.fresh()
        dossier = self.other_dossier.with_user(self.emergency)
        self.assertEqual(dossier.name, self.other_dossier.name)
        with self.assertRaises(AccessError):
            dossier.message_post(body="hello")
        with self.assertRaises(AccessError):
            dossier.message_subscribe(partner_ids=self.emergency.partner_id.ids)
        with self.assertRaises(REFUSED):
            dossier.activity_schedule("mail.mail_activity_data_todo", user_id=self.emergency.id)

    def test_supervisor_comments_but_attaches_nothing(self):
        dossier = self.other_dossier.with_user(self.supervisor)
        dossier.message_post(body="Please call back today", message_type="comment")
        attachment = self.env["ir.attachment"].create(
            {"name": "x.txt", "raw": b"x", "res_model": "mail.compose.message"}
        )
        with self.assertRaises(AccessError):
            dossier.message_post(body="with a file", attachment_ids=attachment.ids)

    # ------------------------------------------------------------------
    # smaller doors
    # ------------------------------------------------------------------
    def test_context_defaults_do_not_assign_clients(self):
        Dossier = self.env["vip.dossier"].with_user(self.manager)
        with self.assertRaises(AccessError):
            Dossier.with_context(default_user_id=self.manager2.id).create({"name": "Planted"})
        with self.assertRaises(AccessError):
            Dossier.with_context(default_deputy_id=self.manager2.id).create({"name": "Planted"})

    def test_emergency_reason_must_be_words(self):
        wizard = self.env["vip.emergency.wizard"].with_user(self.emergency)
        for reason in ("...............", "1234567890123456", "help ..........................."):
            with self.subTest(reason=reason), self.assertRaises(UserError):
                wizard.create({"client_ref": self.other_dossier.client_ref, "reason": reason}).action_open()

    # ------------------------------------------------------------------
    # found by the attack on the running demo
    # ------------------------------------------------------------------
    def test_wizards_take_their_document_from_the_context_too(self):
        """The SMS composer reads active_model/active_id; ids come as strings and floats too."""
        for user in self.attackers:
            with self.subTest(user=user.login):
                self.fresh()
                with self.assertRaises(REFUSED):
                    self.env["sms.composer"].with_user(user).with_context(
                        active_model="vip.dossier", active_id=self.other_dossier.id, active_ids=[self.other_dossier.id]
                    ).onchange({}, [], {"recipient_single_number": {}, "recipient_single_description": {}})
                for res_id in (str(self.other_dossier.id), float(self.other_dossier.id)):
                    with self.assertRaises(REFUSED):
                        self.env["mail.activity"].with_user(user).onchange(
                            {"res_model": "vip.dossier", "res_id": res_id}, ["res_id"], {"res_name": {}}
                        )
                with self.assertRaises(REFUSED):
                    self.env["mail.activity"].with_user(user).onchange(
                        {"res_model": "res.partner", "res_id": self.other_dossier.partner_id.id},
                        ["res_id"],
                        {"res_name": {}},
                    )

    def test_new_records_compute_nothing_from_another_client(self):
        """A form of a new record (``onchange``) computes its related fields as the system: a link to
        another client's card, dossier or relative would return its name, e-mail and phone. The walk
        tries every many2one of the registry onto them, with every field related through it."""
        card = self.other_dossier.partner_id
        card.write({"email": "secret.client@vip.example", "phone": "+7 900 000-11-22"})
        targets = {"res.partner": card.id, **{model: record.id for model, record in self.other_records.items()}}
        secrets = (
            self.other_dossier.name,
            "secret.client@vip.example",
            "000-11-22",
            self.other_records["vip.relative"].name,
        )
        leaks = []
        for user in (self.employee, self.manager):
            self.fresh()
            for name in self.env.registry:
                Model = self.env[name].with_user(user)
                if Model._abstract or not Model._auto:
                    continue
                for fname, field in Model._fields.items():
                    if field.type != "many2one" or field.comodel_name not in targets:
                        continue
                    spec = {fname: {"fields": {"display_name": {}}}}
                    spec.update(
                        (other, {})
                        for other, f in Model._fields.items()
                        if f.related and f.related.startswith(f"{fname}.") and f.type not in ("one2many", "many2many")
                    )
                    try:
                        with self.env.cr.savepoint():
                            result = Model.onchange({fname: targets[field.comodel_name]}, [fname], spec)
                    except Exception:  # refused, or the model's own onchange failed: nothing shown
                        continue
                    if any(secret in str(result) for secret in secrets):
                        leaks.append(f"{user.login}: {name}.{fname}")
        self.assertFalse(leaks, "onchange returned another client's data")
        # nested lines, and defaults from the context
        for user in self.attackers:
            with self.subTest(user=user.login):
                with self.assertRaises(REFUSED):
                    self.env["calendar.event"].with_user(user).onchange(
                        {"name": "Lunch", "attendee_ids": [[0, 0, {"partner_id": card.id}]]},
                        ["attendee_ids"],
                        {"attendee_ids": {"fields": {"email": {}, "phone": {}}}},
                    )
                with self.assertRaises(REFUSED):
                    self.env["calendar.attendee"].with_user(user).with_context(default_partner_id=card.id).onchange(
                        {}, [], {"email": {}, "phone": {}}
                    )
        # the client's own managers still fill their forms
        result = (
            self.env["calendar.attendee"]
            .with_user(self.manager2)
            .onchange({"partner_id": card.id}, ["partner_id"], {"partner_id": {}, "email": {}})
        )
        self.assertEqual(result["value"]["email"], "secret.client@vip.example")

    def test_a_refusal_names_nothing_even_in_debug_mode(self):
        """In debug mode (any user may switch it on) Odoo lists refused records by name, read as the
        system: a client's, a relative's, a task's summary naming the client."""
        no_one = self.env.ref("base.group_no_one")
        secrets = (self.other_dossier.name, self.other_records["vip.relative"].name, "Birthday call")
        for user in self.attackers:
            user.groups_id |= no_one
            with self.subTest(user=user.login):
                self.fresh()
                for records in (
                    self.other_dossier,
                    self.other_records["vip.relative"],
                    self.other_activity,
                    self.other_dossier.partner_id,
                ):
                    with self.assertRaises(AccessError) as refusal:
                        records.with_user(user).read(["display_name"])
                    for secret in secrets:
                        self.assertNotIn(secret, str(refusal.exception))

    def test_what_points_at_a_clients_card_is_hidden_with_it(self):
        """A follower of the card tells who manages which client; an event filed on the card, or a
        meeting with the client, shows its title and description."""
        card = self.other_dossier.partner_id
        follower = self.env["mail.followers"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "=", card.id),
                ("partner_id", "=", self.manager2.partner_id.id),
            ]
        ) or self.env["mail.followers"].create(
            {"res_model": "res.partner", "res_id": card.id, "partner_id": self.manager2.partner_id.id}
        )
        Event = self.env["calendar.event"].with_user(self.manager2)
        now = fields.Datetime.now()
        filed = Event.create(
            {
                "name": "Lunch at the club",
                "start": now,
                "stop": now,
                "res_model_id": self.env["ir.model"]._get_id("res.partner"),
                "res_id": card.id,
            }
        )
        meeting = Event.create({"name": "Signing at the branch", "start": now, "stop": now, "partner_ids": card.ids})
        for user in self.attackers:
            with self.subTest(user=user.login):
                self.fresh()
                Followers = self.env["mail.followers"].with_user(user)
                self.assertFalse(Followers.search([("id", "=", follower.id)]))
                self.assertFalse(
                    Followers.read_group(
                        [("res_model", "=", "res.partner"), ("res_id", "=", card.id)], ["res_id"], ["res_id"]
                    )
                )
                Events = self.env["calendar.event"].with_user(user)
                self.assertFalse(Events.search([("id", "in", (filed | meeting).ids)]))
                self.assertFalse(Events.search([("partner_ids", "in", card.ids)]))
                for event in filed | meeting:
                    with self.assertRaises(AccessError):
                        event.with_user(user).read(["name"])
        self.fresh()
        self.assertEqual(
            self.env["calendar.event"].with_user(self.manager2).search([("id", "in", (filed | meeting).ids)]),
            filed | meeting,
        )
        self.assertEqual(
            self.env["calendar.event"].with_user(self.supervisor).search([("id", "in", (filed | meeting).ids)]),
            filed | meeting,
        )

    def test_top_management_changes_only_what_it_made(self):
        """Read-only on clients: the supervisor comments and gives tasks, but does not delete a
        manager's meeting on a client (and the meeting's task with it)."""
        now = fields.Datetime.now()
        meeting = (
            self.env["calendar.event"]
            .with_user(self.manager2)
            .create(
                {
                    "name": "Portfolio review",
                    "start": now,
                    "stop": now,
                    "res_model_id": self.env["ir.model"]._get_id("vip.dossier"),
                    "res_id": self.other_dossier.id,
                }
            )
        )
        with self.assertRaises(AccessError):
            meeting.with_user(self.supervisor).unlink()
        with self.assertRaises(AccessError):
            meeting.with_user(self.supervisor).write({"name": "Cancelled"})
        with self.assertRaises(AccessError):
            self.other_activity.with_user(self.supervisor).unlink()
        self.assertTrue(meeting.exists() and self.other_activity.exists())
        # what it made itself stays its own
        note = self.other_dossier.with_user(self.supervisor).message_post(
            body="Please call the client", message_type="comment"
        )
        task = self.other_dossier.with_user(self.supervisor).activity_schedule(
            "mail.mail_activity_data_todo", summary="Call about the deposit", user_id=self.manager2.id
        )
        task.with_user(self.supervisor).write({"summary": "Call about the deposit today"})
        note.with_user(self.supervisor).write({"body": "Please call the client today"})
        # and the manager does their own work on it
        task.with_user(self.manager2).action_feedback(feedback="Called")
        meeting.with_user(self.manager2).write({"name": "Portfolio review (moved)"})

    def test_top_management_changes_no_followers_subtypes(self):
        """Giving a task subscribes the manager; it must not change what a follower already receives."""
        Followers = self.env["mail.followers"]
        domain = [
            ("res_model", "=", "vip.dossier"),
            ("res_id", "=", self.other_dossier.id),
            ("partner_id", "=", self.manager2.partner_id.id),
        ]
        before = Followers.search(domain).subtype_ids
        self.assertTrue(before)
        invitation = self.env.ref("mail.mt_note")
        with self.assertRaises(AccessError):
            self.other_dossier.with_user(self.supervisor).message_subscribe(
                partner_ids=self.manager2.partner_id.ids, subtype_ids=invitation.ids
            )
        self.other_dossier.with_user(self.supervisor).message_subscribe(partner_ids=self.manager2.partner_id.ids)
        self.assertEqual(Followers.search(domain).subtype_ids, before)

    def test_a_notification_to_a_client_is_seen_only_by_its_readers(self):
        """An invitation to a plain meeting with the client: its notification names the author (who
        manages the client) and the mail's subject."""
        card = self.other_dossier.partner_id
        now = fields.Datetime.now()
        meeting = (
            self.env["calendar.event"]
            .with_user(self.manager2)
            .create({"name": "Inheritance of the Davydovs", "start": now, "stop": now, "partner_ids": card.ids})
        )
        message = meeting.with_user(self.manager2).message_post(body="Invitation", partner_ids=card.ids)
        notification = self.env["mail.notification"].search(
            [("mail_message_id", "=", message.id), ("res_partner_id", "=", card.id)]
        ) or self.env["mail.notification"].create(
            {"mail_message_id": message.id, "res_partner_id": card.id, "notification_type": "email"}
        )
        for user in self.attackers:
            with self.subTest(user=user.login):
                self.fresh()
                Notification = self.env["mail.notification"].with_user(user)
                self.assertFalse(Notification.search([("res_partner_id", "=", card.id)]))
                with self.assertRaises(AccessError):
                    notification.with_user(user).read(["author_id"])
        self.fresh()
        self.assertTrue(self.env["mail.notification"].with_user(self.manager2).search([("id", "=", notification.id)]))

    def test_contacts_linked_to_a_client_are_deleted_by_administrators_only(self):
        """Deleting another manager's client's employer would clear it from the dossier, past every rule."""
        employer = self.env["res.partner"].create({"name": "TransLogistic", "is_company": True})
        self.other_dossier.employer_id = employer
        self.manager.groups_id |= self.env.ref("base.group_partner_manager")
        with self.assertRaises(AccessError):
            employer.with_user(self.manager).unlink()
        self.assertEqual(self.other_dossier.employer_id, employer)
        own = self.env["res.partner"].with_user(self.manager).create({"name": "A supplier"})
        own.unlink()
        employer.with_user(self.vip_admin).unlink()
        self.assertFalse(self.other_dossier.employer_id)

    def test_a_cards_contacts_and_addresses_are_the_clients(self):
        """An assistant or a home address under a client's card is named after the client
        ("Vasiliev, Secretary Olga"): read and changed as the card."""
        card = self.other_dossier.partner_id
        Partner = self.env["res.partner"].with_user(self.manager2)
        assistant = Partner.create({"name": "Secretary Olga", "parent_id": card.id, "phone": "+7 900 555-00-11"})
        home = Partner.create({"name": "Home", "parent_id": card.id, "type": "other", "city": "Moscow"})
        self.manager.groups_id |= self.env.ref("base.group_partner_manager")
        for user in self.attackers:
            with self.subTest(user=user.login):
                self.fresh()
                Contacts = self.env["res.partner"].with_user(user)
                self.assertFalse(Contacts.search([("id", "in", (assistant | home).ids)]))
                self.assertFalse(Contacts.search([("parent_name", "ilike", card.name)]))
                self.assertFalse([r for r in Contacts.name_search(card.name) if r[0] in (assistant | home).ids])
                with self.assertRaises(AccessError):
                    assistant.with_user(user).read(["display_name", "phone"])
        with self.assertRaises(AccessError):
            home.with_user(self.manager).write({"city": "Sochi"})
        with self.assertRaises(AccessError):
            assistant.with_user(self.manager).unlink()
        # the client's members keep them as the card, and the readers follow the card's
        self.fresh()
        self.assertEqual(Partner.search([("id", "in", (assistant | home).ids)]), assistant | home)
        home.with_user(self.manager2).write({"city": "Sochi"})
        self.other_dossier.with_user(self.vip_admin).write({"deputy_id": self.deputy.id})
        self.fresh()
        self.assertTrue(assistant.with_user(self.deputy).read(["phone"]))

    def test_upgrade_protects_the_existing_contacts_of_cards(self):
        card = self.other_dossier.partner_id
        assistant = self.env["res.partner"].create({"name": "Secretary Olga", "parent_id": card.id})
        # the database as the previous version left it
        self.env.cr.execute("UPDATE res_partner SET vip_client = false WHERE id = %s", [assistant.id])
        self.env.cr.execute("DELETE FROM vip_partner_reader_rel WHERE partner_id = %s", [assistant.id])
        self.env.invalidate_all()
        path = os.path.join(get_module_path("vip_security"), "migrations", "18.0.1.2.0", "post-migration.py")
        spec = importlib.util.spec_from_file_location("vip_security_migration_18_0_1_2_0", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(self.env.cr, "18.0.1.1.0")
        self.env.invalidate_all()
        self.assertTrue(assistant.vip_client)
        self.fresh()
        with self.assertRaises(AccessError):
            assistant.with_user(self.manager).read(["name"])
        self.assertTrue(assistant.with_user(self.manager2).read(["name"]))

    def test_a_clients_bank_account_is_read_only_by_its_readers(self):
        card = self.other_dossier.partner_id
        account = self.env["res.partner.bank"].create({"acc_number": "40817810099910004312", "partner_id": card.id})
        for user in self.attackers:
            with self.subTest(user=user.login):
                self.fresh()
                Bank = self.env["res.partner.bank"].with_user(user)
                self.assertFalse(Bank.search([("partner_id", "=", card.id)]))
                self.assertFalse(Bank.name_search("40817"))
                with self.assertRaises(AccessError):
                    account.with_user(user).read(["acc_number"])
        self.fresh()
        self.assertEqual(
            self.env["res.partner.bank"].with_user(self.manager2).search([("partner_id", "=", card.id)]), account
        )

    def test_top_management_changes_no_meeting_with_a_client(self):
        """A manager's meeting with the client, or filed on the client's card, and the attendance of a
        meeting on the client's dossier, are the manager's: top management reads them, changes nothing."""
        card = self.other_dossier.partner_id
        now = fields.Datetime.now()
        Event = self.env["calendar.event"].with_user(self.manager2)
        with_card = Event.create({"name": "Lunch", "start": now, "stop": now, "partner_ids": card.ids})
        on_card = Event.create(
            {
                "name": "Call",
                "start": now,
                "stop": now,
                "res_model_id": self.env["ir.model"]._get_id("res.partner"),
                "res_id": card.id,
            }
        )
        on_client = Event.create(
            {
                "name": "Review",
                "start": now,
                "stop": now,
                "res_model_id": self.env["ir.model"]._get_id("vip.dossier"),
                "res_id": self.other_dossier.id,
                "partner_ids": self.manager2.partner_id.ids,
            }
        )
        for event in with_card | on_card:
            with self.assertRaises(AccessError):
                event.with_user(self.supervisor).write({"name": "Cancelled by management"})
            with self.assertRaises(AccessError):
                event.with_user(self.supervisor).unlink()
        attendee = on_client.attendee_ids.filtered(lambda a: a.partner_id == self.manager2.partner_id)
        with self.assertRaises(AccessError):
            attendee.with_user(self.supervisor).write({"state": "declined"})
        with self.assertRaises(AccessError):
            self.env["calendar.attendee"].with_user(self.supervisor).create(
                {"event_id": on_client.id, "partner_id": self.supervisor.partner_id.id}
            )
        self.assertEqual(attendee.state, "accepted")
        # the manager runs their own meetings
        with_card.with_user(self.manager2).write({"name": "Lunch at noon"})
        attendee.with_user(self.manager2).write({"state": "tentative"})

    def test_recipients_and_files_added_to_a_message_are_posted(self):
        """Editing one's own note on a client to add files or recipients is posting them: a read-only
        supervisor attaches nothing, and nobody who may not read the client is made a recipient."""
        note = self.other_dossier.with_user(self.supervisor).message_post(body="Please call", message_type="comment")
        planted = (
            self.env["ir.attachment"]
            .with_user(self.supervisor)
            .create({"name": "planted.txt", "raw": b"x", "res_model": "mail.compose.message", "res_id": 0})
        )
        with self.assertRaises(AccessError):
            note.with_user(self.supervisor).write({"attachment_ids": [Command.link(planted.id)]})
        with self.assertRaises(AccessError):
            note.with_user(self.supervisor).write({"partner_ids": [Command.link(self.employee.partner_id.id)]})
        with self.assertRaises(AccessError):
            self.env["mail.notification"].with_user(self.supervisor).create(
                {
                    "mail_message_id": note.id,
                    "res_partner_id": self.employee.partner_id.id,
                    "notification_type": "inbox",
                }
            )
        self.assertFalse(note.attachment_ids or note.partner_ids)
        # its text stays its own
        note.with_user(self.supervisor).write({"body": "Please call today"})

    def test_merging_contacts_moves_no_client(self):
        """The merge rewrites every link by SQL: merged into one's own company, another client's employer
        would become it (its web site, its holidays) for every manager."""
        Partner = self.env["res.partner"]
        employer = Partner.create({"name": "Northern Bank", "is_company": True, "email": "info@north.example"})
        self.other_dossier.employer_id = employer
        self.manager.groups_id |= self.env.ref("base.group_partner_manager")
        shell = Partner.with_user(self.manager).create(
            {"name": "Shell LLC", "is_company": True, "email": "info@north.example"}
        )
        Wizard = self.env["base.partner.merge.automatic.wizard"].with_user(self.manager)
        wizard = Wizard.create({"partner_ids": [Command.set((employer | shell).ids)], "dst_partner_id": shell.id})
        with self.assertRaises(AccessError):
            wizard.action_merge()
        self.assertEqual(self.other_dossier.employer_id, employer)
        # contacts of nobody's client merge as in core
        twin = Partner.with_user(self.manager).create({"name": "Shell LLC 2", "email": "info@north.example"})
        Wizard.create({"partner_ids": [Command.set((shell | twin).ids)], "dst_partner_id": shell.id}).action_merge()
        self.assertFalse(twin.exists())

    def test_client_cards_are_linked_only_by_who_reads_them(self):
        card = self.other_dossier.partner_id
        event = (
            self.env["calendar.event"]
            .with_user(self.employee)
            .create({"name": "Mine", "start": fields.Datetime.now(), "stop": fields.Datetime.now()})
        )
        with self.assertRaises(REFUSED):
            event.write({"partner_ids": [Command.link(card.id)]})
        with self.assertRaises(REFUSED):
            event.message_subscribe(partner_ids=card.ids)
        with self.assertRaises(REFUSED):
            event.message_post(body="hello", partner_ids=card.ids)
        with self.assertRaises(REFUSED):
            self.env["res.partner"].with_user(self.manager).create({"name": "Child", "parent_id": card.id})
        with self.assertRaises(REFUSED):
            self.dossier.with_user(self.manager).write({"employer_id": card.id})
        with self.assertRaises(REFUSED):
            self.env["vip.dossier"].with_user(self.manager).create({"name": "Same card", "partner_id": card.id})
        # the client's own manager links the card as before
        self.env["calendar.event"].with_user(self.manager2).create(
            {"name": "Review", "start": fields.Datetime.now(), "stop": fields.Datetime.now(), "partner_ids": card.ids}
        )

    def test_attendees_of_a_clients_event_are_hidden_with_it(self):
        card = self.other_dossier.partner_id
        self.other_event.partner_ids = [Command.link(card.id)]
        attendee = self.other_event.attendee_ids.filtered(lambda a: a.partner_id == card)
        self.assertTrue(attendee)
        for user in self.attackers:
            with self.subTest(user=user.login):
                self.fresh()
                Attendee = self.env["calendar.attendee"].with_user(user)
                self.assertFalse(Attendee.search([("id", "=", attendee.id)]))
                self.assertFalse(Attendee.search_count([("partner_id", "=", card.id)]))
                with self.assertRaises(AccessError):
                    attendee.with_user(user).read(["common_name", "email"])
                followers = self.env["mail.followers"].with_user(user)
                self.assertFalse(
                    followers.search([("res_model", "=", "calendar.event"), ("res_id", "=", self.other_event.id)])
                )
        self.fresh()
        self.assertTrue(self.env["calendar.attendee"].with_user(self.manager2).search([("id", "=", attendee.id)]))

    def test_files_reach_a_client_only_through_who_writes_it(self):
        """A task's feedback with a file is a file on the client: not for top management (read-only)."""
        activity = self.other_dossier.activity_schedule(
            "mail.mail_activity_data_todo", summary="Check", user_id=self.supervisor.id
        )
        attachment = self.env["ir.attachment"].create(
            {"name": "x.txt", "raw": b"x", "res_model": "mail.compose.message"}
        )
        with self.assertRaises(AccessError):
            activity.with_user(self.supervisor).action_feedback(feedback="done", attachment_ids=attachment.ids)

    def test_a_message_on_a_client_is_named_only_for_its_readers(self):
        """Notifications of other users link to the message, whose name is the client's."""
        message = self.other_dossier.message_ids[:1]
        notification = self.env["mail.notification"].create(
            {"mail_message_id": message.id, "res_partner_id": self.manager2.partner_id.id, "notification_type": "inbox"}
        )
        for user in self.attackers:
            with self.subTest(user=user.login):
                self.fresh()
                rows = (
                    self.env["mail.notification"]
                    .with_user(user)
                    .search_read([("id", "=", notification.id)], ["mail_message_id"])
                )
                for row in rows:
                    self.assertNotIn(self.other_dossier.name, row["mail_message_id"][1])
        self.fresh()
        [row] = notification.with_user(self.manager2).read(["mail_message_id"])
        self.assertEqual(row["mail_message_id"][1], self.other_dossier.name)

    def test_notifications_on_a_client_are_seen_only_by_its_readers(self):
        """Who was notified of a message on a client, and when, is the client's business (core shows
        every notification to every employee)."""
        message = self.other_dossier.message_ids[:1]
        Notification = self.env["mail.notification"]
        of_deputy = Notification.create(
            {"mail_message_id": message.id, "res_partner_id": self.deputy.partner_id.id, "notification_type": "inbox"}
        )
        event_message = self.other_event.message_post(body="Moved to Friday", message_type="comment")
        of_event = Notification.create(
            {
                "mail_message_id": event_message.id,
                "res_partner_id": self.deputy.partner_id.id,
                "notification_type": "inbox",
            }
        )
        of_card = Notification.create(
            {
                "mail_message_id": self.other_dossier.partner_id.message_post(body="New phone").id,
                "res_partner_id": self.deputy.partner_id.id,
                "notification_type": "inbox",
            }
        )
        # a notification of an ordinary document stays visible to every employee, as in core
        plain = Notification.create(
            {
                "mail_message_id": self.manager2.partner_id.message_post(body="Hello").id,
                "res_partner_id": self.deputy.partner_id.id,
                "notification_type": "inbox",
            }
        )
        hidden = of_deputy | of_event | of_card
        for user in self.attackers:
            with self.subTest(user=user.login):
                self.fresh()
                as_user = Notification.with_user(user)
                self.assertEqual(as_user.search([("id", "in", (hidden | plain).ids)]), plain)
                self.assertEqual(as_user.search_count([("mail_message_id", "=", message.id)]), 0)
                for row in hidden:
                    with self.assertRaises(AccessError):
                        row.with_user(user).read(["res_partner_id"])
        # the client's members read them; the recipient reads their own
        self.fresh()
        self.assertEqual(Notification.with_user(self.manager2).search([("id", "in", hidden.ids)]), hidden)
        self.assertEqual(Notification.with_user(self.deputy).search([("id", "in", hidden.ids)]), hidden)
        of_deputy.with_user(self.deputy).read(["is_read"])

    def test_a_clients_card_is_named_only_for_its_readers(self):
        """A follower or an attendee row of a plain meeting links to the card: its name is not shown."""
        card = self.other_dossier.partner_id
        event = (
            self.env["calendar.event"]
            .with_user(self.manager2)
            .create(
                {
                    "name": "Lunch",
                    "start": fields.Datetime.now(),
                    "stop": fields.Datetime.now(),
                    "partner_ids": card.ids,
                }
            )
        )
        follower = self.env["mail.followers"].search(
            [("res_model", "=", "calendar.event"), ("res_id", "=", event.id), ("partner_id", "=", card.id)]
        ) or self.env["mail.followers"].create(
            {"res_model": "calendar.event", "res_id": event.id, "partner_id": card.id}
        )
        for user in self.attackers:
            with self.subTest(user=user.login):
                self.fresh()
                for row in (
                    self.env["mail.followers"].with_user(user).search_read([("id", "=", follower.id)], ["partner_id"])
                ):
                    self.assertNotIn(card.name, row["partner_id"][1])
        self.fresh()
        [row] = follower.with_user(self.manager2).read(["partner_id"])
        self.assertEqual(row["partner_id"][1], card.name)

    def test_the_client_itself_may_be_notified(self):
        """An SMS or an e-mail to the client notifies the client's own card: not an outsider."""
        card = self.other_dossier.partner_id
        message = self.other_dossier.with_user(self.manager2).message_post(body="Happy birthday", partner_ids=card.ids)
        self.assertEqual(message.partner_ids, card)
        # nor is the client dropped as a follower when its managers change
        self.other_dossier.message_subscribe(partner_ids=card.ids)
        self.other_dossier.with_user(self.vip_admin).write({"deputy_id": self.deputy.id})
        self.assertIn(card, self.other_dossier.message_partner_ids)

    def test_what_the_policy_derives_is_not_written_by_hand(self):
        """The ORM lets a caller write a stored computed field: the membership and the card's mark are the system's."""
        with self.assertRaises(AccessError):
            self.dossier.with_user(self.manager).write({"member_user_ids": [Command.link(self.manager2.id)]})
        with self.assertRaises(AccessError):
            self.dossier.partner_id.with_user(self.manager).write({"vip_client": False})
        with self.assertRaises(AccessError):
            self.env["vip.dossier"].with_user(self.manager).create(
                {"name": "Shared", "member_user_ids": [Command.link(self.manager2.id)]}
            )
        # nor through the defaults of the context, applied by core after the values are checked
        with self.assertRaises(AccessError):
            self.env["vip.dossier"].with_user(self.manager).with_context(
                default_member_user_ids=[Command.link(self.manager2.id)]
            ).create({"name": "Shared by default"})
        self.fresh()
        self.assertEqual(self.dossier.member_user_ids, self.manager | self.deputy)
        self.assertTrue(self.dossier.partner_id.vip_client)

    def test_incoming_mail_is_the_gateways(self):
        """``mail.thread.message_process`` (public) creates the routed record as the system with the
        caller's values: another manager's client's lines linked into a dossier of one's own, a client's
        dossier moved onto a decoy contact (its card then unmarked, read by every employee)."""
        relative = self.records["vip.relative"]
        mail = (
            "From: Someone <someone@example.com>\nTo: desk@example.com\nSubject: %s\n"
            "Message-Id: <%s@example.com>\nContent-Type: text/plain; charset=utf-8\n\nHello\n"
        )
        attacks = [
            (self.manager2, "vip.dossier", {"user_id": self.manager2.id, "relative_ids": [Command.link(relative.id)]}),
            (self.employee, "res.partner", {"name": "Decoy", "vip_dossier_ids": [Command.link(self.dossier.id)]}),
            (self.supervisor, "vip.dossier", {"name": "Forged", "user_id": self.supervisor.id}),
        ]
        for number, (user, model, values) in enumerate(attacks):
            with self.assertRaisesMessage(AccessError, "mail gateway only"):
                self.env["mail.thread"].with_user(user).message_process(
                    model, mail % (f"Attack {number}", f"attack{number}"), values
                )
        self.fresh()
        self.assertEqual(relative.dossier_id, self.dossier)
        self.assertTrue(self.dossier.partner_id.vip_client)
        self.assertFalse(self.env["vip.dossier"].search([("name", "=", "Forged")]))
        # the gateway itself (the fetchmail cron, as the system) still routes incoming mail
        partner_id = (
            self.env["mail.thread"]
            .sudo()
            .message_process("res.partner", mail % ("A supplier writes", "gateway"), {"name": "Supplier from mail"})
        )
        self.assertEqual(self.env["res.partner"].browse(partner_id).name, "Supplier from mail")

    def test_template_mails_stay_on_their_record(self):
        """``mail.template.send_mail`` creates the mail as the system with the caller's ``email_values``:
        a mail filed on another client, a client's message moved onto one's own contact (its tracked phone
        read there), a message under a manager's name, a client's file mailed to oneself."""
        template = self.env["mail.template"].create(
            {"name": "Own note", "model_id": self.env["ir.model"]._get_id("res.users"), "subject": "Hi"}
        )
        message = self.dossier.message_post(body="Client's new phone: +7 495 814-64-53")
        file = self.env["ir.attachment"].create(
            {"name": "passport.pdf", "raw": b"%PDF", "res_model": "vip.dossier", "res_id": self.dossier.id}
        )
        attacks = {
            self.employee: {"model": "vip.dossier", "res_id": self.dossier.id, "body_html": "<p>Wire it all</p>"},
            self.supervisor: {
                "model": "vip.dossier",
                "res_id": self.dossier.id,
                "author_id": self.manager.partner_id.id,
            },
            self.manager2: {
                "mail_message_id": message.id,
                "model": "res.partner",
                "res_id": self.manager2.partner_id.id,
            },
        }
        for user, values in attacks.items():
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                template.with_user(user).send_mail(user.id, email_values=dict(values, email_to="x@example.com"))
        for user in (self.employee, self.manager2):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                template.with_user(user).send_mail(
                    user.id, email_values={"email_to": "me@example.com", "attachment_ids": [file.id]}
                )
        self.fresh()
        self.assertEqual((message.model, message.res_id), ("vip.dossier", self.dossier.id))
        self.assertIn("814-64-53", message.body)
        self.assertEqual(self.dossier.message_ids.author_id & self.employee.partner_id, self.env["res.partner"])
        # addressing and wording one's own mail still work
        mail_id = template.with_user(self.employee).send_mail(
            self.employee.id, email_values={"email_to": "me@example.com", "subject": "Mine"}
        )
        self.assertEqual(self.env["mail.mail"].browse(mail_id).email_to, "me@example.com")

    def test_template_editors_are_administrators_only(self):
        """A mail template editor writes expressions that run with ``sudo()`` (every client's name in a
        subject): the group must stay the administrators' (Odoo's default), given by none of ours."""
        editor = self.env.ref("mail.group_mail_template_editor")
        for user in (self.employee, self.manager, self.supervisor, self.vip_admin, self.emergency):
            with self.subTest(user=user.login):
                self.assertNotIn(editor, user.groups_id)
        template = self.env["mail.template"].with_user(self.manager)
        with self.assertRaises(AccessError):
            template.create(
                {
                    "name": "Probe",
                    "model_id": self.env["ir.model"]._get_id("res.users"),
                    "subject": "{{ object.env['vip.dossier'].sudo().search([], limit=1).name }}",
                }
            )

    def test_composers_take_no_document_from_the_context_unchecked(self):
        """The composer takes its documents from ``composer_force_res_ids`` or ``active_id(s)`` (whatever
        ``active_model`` says) and computes their name as the system: any employee read every client's
        and relative's name from ``onchange``."""
        Composer = self.env["mail.compose.message"].with_user(self.employee)
        relative = self.records["vip.relative"]
        for model, record, context in (
            ("vip.dossier", self.dossier, {"composer_force_res_ids": [self.dossier.id]}),
            ("vip.dossier", self.dossier, {"active_id": self.dossier.id}),
            ("vip.relative", relative, {"active_ids": [relative.id], "active_model": "res.users"}),
        ):
            with self.subTest(model=model, context=context), self.assertRaises(AccessError):
                result = Composer.with_context(**context).onchange(
                    {"model": model, "composition_mode": "comment", "body": "x"}, [], {"record_name": {}}
                )
                self.assertNotIn(record.display_name, str(result))
        # nor from web_save: the composer's own ids are manager2's client, its name came from the context
        with self.assertRaises(AccessError):
            self.env["mail.compose.message"].with_user(self.manager2).with_context(
                composer_force_res_ids=[self.dossier.id]
            ).web_save(
                {"model": "vip.dossier", "res_ids": str(self.other_dossier.ids), "body": "x"}, {"record_name": {}}
            )
        # a manager writing to their own client still composes
        own = (
            self.env["mail.compose.message"]
            .with_user(self.manager)
            .with_context(active_model="vip.dossier", active_ids=self.dossier.ids)
            .create({"model": "vip.dossier", "res_ids": str(self.dossier.ids), "body": "Hello"})
        )
        self.assertEqual(own.record_name, self.dossier.display_name)

    def test_resend_wizards_show_no_one_elses_notification(self):
        """``mail.resend.partner`` links a notification and shows its recipient and failure as the
        system: links onto notifications need to read them."""
        message = self.dossier.message_post(body="Assigned", partner_ids=self.manager.partner_id.ids)
        notification = self.env["mail.notification"].search([("mail_message_id", "=", message.id)], limit=1)
        self.assertTrue(notification)
        for user in (self.employee, self.manager2):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                wizard = self.env["mail.resend.partner"].with_user(user).create({"notification_id": notification.id})
                wizard.read(["partner_id", "failure_reason"])
        # the notification's own recipient still resends it
        self.env["mail.resend.partner"].with_user(self.manager).create({"notification_id": notification.id})

    def test_every_model_copying_a_contacts_data_is_known(self):
        """Walk the registry for models that show a contact's own data through a link (a related field
        through a many2one onto contacts: a follower's e-mail, an attendee's phone): each must be
        guarded as a client's card detail (``CARD_DETAILS``) or be known here with the reason it is
        not one. A module installed later that copies a contact's data fails this walk."""
        not_card_details = {
            # a card's own contacts and addresses are protected as the card (vip_client follows the parent)
            "res.partner": "the card's own rules",
            # a company's contact is the company's, never a client's card
            "res.company": "company",
            # a user's contact is the user's; a client's card is not a user of the desk
            "res.users": "user",
            # what a message shows of its author: messages on a client are guarded by their document
            "mail.message": "pointer rows",
        }
        found = {}
        for name in self.env.registry:
            Model = self.env[name]
            if Model._abstract or Model._transient or is_vip_model(name):
                continue
            links = {f.name for f in Model._fields.values() if f.type == "many2one" and f.comodel_name == "res.partner"}
            copied = [
                f.name
                for f in Model._fields.values()
                if f.related
                and f.related.split(".")[0] in links
                and f.related.split(".")[-1] not in ("id", "display_name")
            ]
            if copied:
                found[name] = copied
        self.assertIn("calendar.attendee", found, "the walk finds what it must find")
        unknown = {
            name: fields for name, fields in found.items() if name not in CARD_DETAILS and name not in not_card_details
        }
        self.assertFalse(unknown, "models copying a contact's data, to add to CARD_DETAILS or to explain")

    def test_saved_defaults_link_nothing_unchecked(self):
        """A user saves defaults for themselves (``ir.default``); core fills a new record's form with
        them and computes its related fields as the system: a client's card as an attendee (its e-mail
        and phone), another client as an interaction's client, a client as the SMS composer's document
        (its mobile)."""
        card = self.dossier.partner_id
        card.write({"email": "client@example.com", "phone": "+7 495 814-64-53"})
        attacks = [
            (self.employee, "calendar.attendee", {"partner_id": card.id}, {"email": {}, "phone": {}}),
            (self.employee, "mail.followers", {"partner_id": card.id}, {"email": {}, "name": {}}),
            (self.manager2, "vip.interaction", {"dossier_id": self.dossier.id}, {"dossier_id": {}}),
            (
                self.employee,
                "sms.composer",
                {"res_model": "vip.dossier", "res_id": self.dossier.id, "composition_mode": "comment"},
                {"recipient_single_description": {}, "recipient_single_number": {}},
            ),
        ]
        for user, model, defaults, spec in attacks:
            Default = self.env["ir.default"].with_user(user)
            for field, value in defaults.items():
                Default.set(model, field, value, user_id=True)
            with self.subTest(model=model), self.assertRaises(AccessError):
                # the form asks the defaulted fields too, as a form showing them does
                result = self.env[model].with_user(user).onchange({}, [], {**{key: {} for key in defaults}, **spec})
                self.assertNotIn("814-64-53", str(result))
            with self.subTest(model=model, call="default_get"), self.assertRaises(AccessError):
                self.env[model].with_user(user).default_get(list(defaults))
            self.env["ir.default"].search([("user_id", "=", user.id)]).unlink()

    def test_true_is_the_record_one(self):
        """``res_id: true`` is stored as 1 (a bool is an int to Python): the guard reads it as the ORM does,
        or any employee reads record 1 of every VIP model (a client's name and mobile)."""
        self.assertEqual(_as_id(True), 1)
        self.assertIsNone(_as_id(False))
        # record 1: the demo's first client (the tests run on a database with the demo data)
        self.assertTrue(self.env["vip.dossier"].browse(1).exists())
        model_id = self.env["ir.model"]._get_id("vip.dossier")
        with self.assertRaises(AccessError):
            self.env["mail.activity"].with_user(self.employee).onchange(
                {"res_model_id": model_id, "res_id": True}, [], {"res_name": {}, "res_id": {}}
            )
        with self.assertRaises(AccessError):
            self.env["sms.composer"].with_user(self.employee).onchange(
                {"res_model": "vip.dossier", "res_id": True, "composition_mode": "comment"},
                [],
                {"recipient_single_description": {}, "recipient_single_number_itf": {}},
            )

    def test_messages_on_a_client_are_posted_as_written(self):
        """A read-only supervisor may comment on a client, but not under a manager's name, back-dated,
        or with a tracking line that makes a false change of the client's phone."""
        dossier = self.other_dossier.with_user(self.supervisor)
        phone = self.env["ir.model.fields"]._get("vip.dossier", "phone")
        for values in (
            {"author_id": self.manager2.partner_id.id},
            {"date": "2025-01-15 09:00:00"},
            {
                "tracking_value_ids": [
                    Command.create({"field_id": phone.id, "old_value_char": "1", "new_value_char": "2"})
                ]
            },
        ):
            with self.subTest(values=list(values)), self.assertRaises(AccessError):
                dossier.message_post(body="The client asks to close every account.", message_type="comment", **values)
        # commenting as oneself still works
        message = dossier.message_post(body="Please call back.", message_type="comment", subtype_xmlid="mail.mt_note")
        self.assertEqual(message.author_id, self.supervisor.partner_id)

    def test_a_link_given_as_a_record_in_the_making_is_checked_whole(self):
        """A many2one sent as a dict is a new record made of its values (the ORM keeps the id as its
        origin): ``{"id": <own user>, "partner_id": <a client's card>}`` read every client's name, e-mail,
        phone and mobile through the user's delegated fields, to any employee."""
        card = self.dossier.partner_id
        card.write({"email": "client@example.com", "phone": "+7 495 814-64-53"})
        spec = {"user_id": {"fields": {"name": {}, "email": {}, "phone": {}}}}
        for model in ("res.partner", "calendar.event"):
            with self.subTest(model=model), self.assertRaises(AccessError):
                result = (
                    self.env[model]
                    .with_user(self.employee)
                    .onchange({"name": "x", "user_id": {"id": self.employee.id, "partner_id": card.id}}, [], spec)
                )
                self.assertNotIn("814-64-53", str(result))
        with self.assertRaises(AccessError):
            self.env["calendar.attendee"].with_user(self.employee).onchange(
                {"partner_id": {"id": self.employee.partner_id.id, "parent_id": card.id}},
                [],
                {"partner_id": {"fields": {"parent_name": {}}}},
            )

    def test_the_same_tax_id_tells_no_one_a_person_is_a_client(self):
        """Core warns of a contact with the same Tax ID, found as the system: knowing a person's INN, any
        employee learned they are a VIP client. The warning names a client's card to its readers only."""
        card = self.dossier.partner_id
        card.write({"vat": "770112345678", "company_registry": "1027700132195"})
        values = {"name": "Probe", "vat": "770112345678", "company_registry": "1027700132195"}
        spec = {"same_vat_partner_id": {}, "same_company_registry_partner_id": {}}
        for user in (self.employee, self.manager2):
            result = self.env["res.partner"].with_user(user).onchange(values, ["vat"], spec)
            self.assertFalse(result["value"].get("same_vat_partner_id"), user.login)
            self.assertFalse(result["value"].get("same_company_registry_partner_id"), user.login)
        # the client's own manager is warned of the duplicate
        result = self.env["res.partner"].with_user(self.manager).onchange(values, ["vat"], spec)
        self.assertEqual(result["value"]["same_vat_partner_id"], card.id)

    def test_recipients_found_by_e_mail_name_no_client(self):
        """A template's recipients are found by e-mail among all contacts, as the system: a client's e-mail
        among one's own attendees' addresses made the composer refuse the form (the client exists) and keep
        the client's card (its id). For who may not read the card, the address finds nobody."""
        card = self.dossier.partner_id
        card.email = "client@example.com"
        self.employee.email = "employee@example.com,client@example.com"
        event = (
            self.env["calendar.event"]
            .with_user(self.employee)
            .create(
                {
                    "name": "Sync",
                    "start": "2031-01-01 10:00:00",
                    "stop": "2031-01-01 11:00:00",
                    "partner_ids": [Command.set(self.employee.partner_id.ids)],
                }
            )
        )
        values = {
            "model": "calendar.event",
            "res_ids": str(event.ids),
            "composition_mode": "comment",
            "template_id": self.env.ref("calendar.calendar_template_meeting_update").id,
        }
        Composer = self.env["mail.compose.message"].with_user(self.employee)
        Composer.onchange(values, ["template_id"], {"template_id": {}, "partner_ids": {}})  # not refused
        composer = Composer.create(values)
        self.assertNotIn(card, composer.sudo().partner_ids)
        # the client's own manager, composing the same, finds the client's card
        self.manager.email = "manager@example.com,client@example.com"
        own = (
            self.env["calendar.event"]
            .with_user(self.manager)
            .create(
                {
                    "name": "Sync",
                    "start": "2031-01-01 10:00:00",
                    "stop": "2031-01-01 11:00:00",
                    "partner_ids": [Command.set(self.manager.partner_id.ids)],
                }
            )
        )
        composer = self.env["mail.compose.message"].with_user(self.manager).create(dict(values, res_ids=str(own.ids)))
        self.assertIn(card, composer.sudo().partner_ids)

    def test_the_duplicates_search_finds_no_client(self):
        """The contacts' duplicates search groups the whole table by SQL and names each group's lowest id:
        two decoys with a client's e-mail returned the client's card to another manager."""
        card = self.dossier.partner_id
        card.email = "client@example.com"
        decoys = (
            self.env["res.partner"]
            .with_user(self.manager2)
            .create(
                [{"name": "Decoy", "email": "client@example.com"}, {"name": "Decoy", "email": "client@example.com"}]
            )
        )
        self.env.flush_all()  # the search reads the table by SQL
        wizard = (
            self.env["base.partner.merge.automatic.wizard"]
            .with_user(self.manager2)
            .create({"group_by_email": True, "maximum_group": 0, "state": "option"})
        )
        wizard.action_start_manual_process()
        lines = self.env["base.partner.merge.line"].sudo().search([("wizard_id", "=", wizard.id)])
        found = {int(i) for line in lines for i in line.aggr_ids.strip("[]").split(",") if i.strip()}
        self.assertNotIn(card.id, found | set(lines.mapped("min_id")))
        self.assertTrue(set(decoys.ids) <= found, "the decoys themselves are duplicates")

    def test_a_composer_names_no_row_it_may_not_read(self):
        """The composer's record name is the document's name computed as the system: pointed at a task on
        a client (its summary), the mail announcing it, or a meeting's attendee who is a client, it told
        any employee the client's name and task."""
        activity = self.dossier.activity_schedule(
            "mail.mail_activity_data_todo", summary="Call about the deposit", user_id=self.manager.id
        )
        meeting = (
            self.env["calendar.event"]
            .with_user(self.manager)
            .create(
                {
                    "name": "Lunch",
                    "start": "2031-01-01 12:00:00",
                    "stop": "2031-01-01 13:00:00",
                    "partner_ids": [Command.set((self.manager.partner_id | self.dossier.partner_id).ids)],
                }
            )
        )
        attendee = meeting.attendee_ids.filtered(lambda a: a.partner_id == self.dossier.partner_id)
        mail = self.env["mail.mail"].create({"subject": f"{self.dossier.name}: Call about the deposit"})
        Composer = self.env["mail.compose.message"].with_user(self.employee)
        for model, record in (("mail.activity", activity), ("calendar.attendee", attendee), ("mail.mail", mail)):
            with self.subTest(model=model), self.assertRaises(AccessError):
                Composer.onchange(
                    {"model": model, "res_ids": str(record.ids), "composition_mode": "comment"}, [], {"record_name": {}}
                )

    def test_a_row_guarded_on_its_own_is_no_document_later_either(self):
        """Round 17: the document checks held at creation only. A composer given only ``active_model``
        took it as its model; a composer or a task of one's own, pointed later by ``write`` at a client's
        task, its mail or a client's attendee row, named them (``record_name``, ``res_name``)."""
        activity = self.dossier.activity_schedule(
            "mail.mail_activity_data_todo", summary="Call about the deposit", user_id=self.manager.id
        )
        mail = self.env["mail.mail"].create({"subject": f"{self.dossier.name}: Call about the deposit"})
        followers = self.env["mail.followers"].search(
            [("res_model", "=", "vip.dossier"), ("res_id", "=", self.dossier.id)]
        )
        self.assertTrue(followers)
        Composer = self.env["mail.compose.message"].with_user(self.employee)
        for model, record in (("mail.activity", activity), ("mail.mail", mail), ("mail.followers", followers[0])):
            with self.subTest(model=model, door="active_model"), self.assertRaises(AccessError):
                Composer.with_context(active_model=model, active_ids=record.ids).onchange(
                    {}, [], {"record_name": {}, "subject": {}}
                )
            with self.subTest(model=model, door="active_model, saved"), self.assertRaises(AccessError):
                Composer.with_context(active_model=model, active_ids=record.ids).web_save(
                    {}, {"record_name": {}, "subject": {}}
                )
            own = Composer.create(
                {"model": "res.partner", "res_ids": str(self.employee.partner_id.ids), "composition_mode": "mass_mail"}
            )
            with self.subTest(model=model, door="composer rewritten"), self.assertRaises(AccessError):
                own.write({"composition_mode": "comment", "model": model, "res_ids": str(record.ids)})
                own.read(["record_name"])
        event = (
            self.env["calendar.event"]
            .with_user(self.employee)
            .create({"name": "Mine", "start": "2031-01-01 12:00:00", "stop": "2031-01-01 13:00:00"})
        )
        task = (
            self.env["mail.activity"]
            .with_user(self.employee)
            .create(
                {
                    "res_model_id": self.env["ir.model"]._get_id("calendar.event"),
                    "res_id": event.id,
                    "summary": "mine",
                    "user_id": self.employee.id,
                }
            )
        )
        for model, record in (("mail.activity", activity), ("mail.mail", mail)):
            with self.subTest(model=model, door="task rewritten"), self.assertRaises(AccessError):
                task.write({"res_model_id": self.env["ir.model"]._get_id(model), "res_id": record.id})
                task.read(["res_name"])
        # one's own documents stay as they were: a composer on one's own task
        Composer.with_context(active_model="mail.activity", active_ids=task.ids).onchange({}, [], {"record_name": {}})

    def test_fields_kept_for_the_system_are_not_set_at_creation(self):
        """Round 19: core checks a field's groups on write, never on create (nor on copy): a manager created
        a relative with the system's condolence mark (no condolence task ever came) and a key date marked
        reminded (the run never reminded it). Walks every VIP model for every field the manager may not
        write, and tries it as a value and as a context default."""
        tried = 0
        for name, Model in self.env.items():
            if not is_vip_model(name) or Model._abstract:
                continue
            for fname, field in Model._fields.items():
                if not field.groups or field.is_accessible(self.env(user=self.manager)):
                    continue
                tried += 1
                as_manager = Model.with_user(self.manager)
                base = {"name": "Forged"} if name == "vip.dossier" else {"dossier_id": self.dossier.id}
                # refused by the guard (AccessError), or by a model no user creates by hand (a UserError, which
                # AccessError is too)
                with self.subTest(model=name, field=fname), self.assertRaises(UserError):
                    as_manager.create({**base, fname: False})
                with (
                    self.subTest(model=name, field=fname, door="default"),
                    self.assertRaises(UserError),
                ):
                    as_manager.with_context(**{f"default_{fname}": False}).create(base)
        self.assertTrue(tried, "the VIP models keep fields for the system")

    def test_saved_defaults_set_nothing_a_creation_check_refuses(self):
        """Round 21: the checks of what a user may set at creation read the values and the context, not the
        defaults a user saves for themselves (``ir.default``): a client created with a deputy of the
        manager's choosing, an income line booked under the core system's source."""
        Default = self.env["ir.default"].with_user(self.manager)
        Default.set("vip.dossier", "deputy_id", self.manager2.id, user_id=True)
        with self.assertRaises(AccessError):
            self.env["vip.dossier"].with_user(self.manager).create({"name": "With a chosen deputy"})
        Default.set("vip.dossier", "deputy_id", False, user_id=True)
        self.env["vip.dossier"].with_user(self.manager).create({"name": "Without"})
        income = {"dossier_id": self.dossier.id, "date": "2025-01-01", "product_line": "fees", "amount": 7}
        Income = self.env["vip.income"].with_user(self.manager)
        with self.assertRaises(AccessError):
            Income.with_context(default_source="core_banking").create(dict(income, external_ref="R21-1"))
        Default.set("vip.income", "source", "core_banking", user_id=True)
        with self.assertRaises(AccessError):
            Income.create(dict(income, external_ref="R21-2"))

    def test_a_refusal_tells_an_outsider_nothing_of_a_client(self):
        """Round 23: an income line booked by hand on a client with someone as its earner told any employee
        whether the client exists and who manages it; adding oneself to a message, a notification of it or
        a file to a task told which kind of record it is on. Access is checked before any of it is said."""
        income = {"date": "2025-01-01", "product_line": "fees", "amount": 1}
        for user in (self.employee, self.manager):
            for earner in (self.manager2, self.manager):
                with self.subTest(user=user.login, earner=earner.login), self.assertRaises(AccessError) as caught:
                    self.env["vip.income"].with_user(user).create(
                        dict(income, dossier_id=self.other_dossier.id, user_id=earner.id)
                    )
                self.assertNotIn("earned", str(caught.exception))
        message = self.other_dossier.message_post(body="Client note", message_type="comment")
        activity = self.other_dossier.activity_schedule("mail.mail_activity_data_todo", user_id=self.manager2.id)
        own_file = self.env["ir.attachment"].with_user(self.employee).create({"name": "x.txt", "raw": b"x"})
        for attempt in (
            lambda: message.with_user(self.employee).write(
                {"partner_ids": [Command.link(self.employee.partner_id.id)]}
            ),
            lambda: (
                self.env["mail.notification"]
                .with_user(self.employee)
                .create({"mail_message_id": message.id, "res_partner_id": self.employee.partner_id.id})
            ),
            lambda: activity.with_user(self.employee).action_feedback(feedback="x", attachment_ids=own_file.ids),
        ):
            with self.assertRaises(AccessError) as caught:
                attempt()
            self.assertNotIn("client", str(caught.exception).lower())

    def test_a_refusal_tells_an_outsider_nothing_of_a_line(self):
        """Round 22: writing a line's reference told any employee whether an income line of another client
        exists and was imported (the source's refusal came before the access check)."""
        line = self.other_records["vip.income"].sudo()
        line.write({"source": "core_banking", "external_ref": "CORE-1"})
        for user in (self.employee, self.manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError) as caught:
                line.with_user(user).write({"external_ref": "x"})
            self.assertNotIn("import", str(caught.exception))
