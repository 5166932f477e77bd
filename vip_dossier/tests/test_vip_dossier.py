# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests.common import tagged
from odoo.tools import mute_logger

from .common import VipCase


@tagged("post_install", "-at_install")
class TestVipDossier(VipCase):
    def test_partner_created_with_the_dossier(self):
        dossier = self.env["vip.dossier"].create(
            {"last_name": "Сидорова", "first_name": "Мария", "phone": "+7 495 000-00-01", "email": "m@example.com"}
        )
        self.assertEqual(dossier.partner_id.name, "Сидорова Мария")
        self.assertEqual(dossier.partner_id.phone, "+7 495 000-00-01")
        self.assertEqual(dossier.email, "m@example.com")
        self.assertEqual(dossier.formal_address, "Мария")

    def test_partners_created_in_one_batch(self):
        vals = [{"last_name": f"Клиент{i}", "first_name": "Тест"} for i in range(5)]
        dossiers = self.env["vip.dossier"].create(vals)
        self.assertEqual(len(dossiers.partner_id), 5)
        self.assertEqual(dossiers.mapped("partner_id.name"), [f"Клиент{i} Тест" for i in range(5)])

    def test_existing_partner_kept(self):
        partner = self.env["res.partner"].create({"name": "Existing Contact"})
        dossier = self.env["vip.dossier"].create({"partner_id": partner.id, "name": "Existing Contact"})
        self.assertEqual(dossier.partner_id, partner)

    def test_rename_updates_partner(self):
        self.dossier.last_name = "Петровский"
        self.assertEqual(self.dossier.name, "Петровский Иван Сергеевич")
        self.assertEqual(self.dossier.partner_id.name, "Петровский Иван Сергеевич")
        self.assertEqual(self.dossier.formal_address, "Иван Сергеевич")

    def test_empty_name_rejected_and_nothing_saved(self):
        partners_before = self.env["res.partner"].search_count([])
        with self.assertRaisesMessage(ValidationError, "needs a name"):
            self.env["vip.dossier"].create({"last_name": " ", "first_name": ""})
        self.assertEqual(self.env["res.partner"].search_count([]), partners_before)

    def test_invalid_relative_saves_nothing(self):
        """A dossier created with a bad relative leaves no dossier and no contact behind."""
        partners_before = self.env["res.partner"].search_count([])
        with self.assertRaisesMessage(ValidationError, "in the future"):
            self.env["vip.dossier"].create(
                {
                    "last_name": "Half",
                    "first_name": "Saved",
                    "relative_ids": [
                        (
                            0,
                            0,
                            {"first_name": "Kid", "relation_type_id": self.spouse.id, "birth_date": date(2999, 1, 1)},
                        )
                    ],
                }
            )
        self.assertFalse(self.env["vip.dossier"].search([("name", "=", "Half Saved")]))
        self.assertEqual(self.env["res.partner"].search_count([]), partners_before)

    def test_one_dossier_per_contact(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env["vip.dossier"].create({"partner_id": self.dossier.partner_id.id, "name": "Twin"})

    def test_client_ref_unique(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env["vip.dossier"].create({"name": "Other", "client_ref": "T-0001"})

    def test_deputy_must_differ_from_manager(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.dossier.deputy_id = self.manager
            self.env.flush_all()

    def test_contact_hours(self):
        self.dossier.write({"contact_hour_from": 9.5, "contact_hour_to": 18})
        self.env.flush_all()
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.dossier.write({"contact_hour_from": 19, "contact_hour_to": 9})
            self.env.flush_all()

    @freeze_time("2026-06-15")
    def test_client_since_in_future_rejected(self):
        with self.assertRaisesMessage(ValidationError, "future"):
            self.dossier.client_since = date(2026, 6, 16)

    def test_default_manager_is_current_vip_manager(self):
        dossier = self.env["vip.dossier"].with_user(self.manager).create({"name": "Own Client"})
        self.assertEqual(dossier.user_id, self.manager)
        dossier = self.env["vip.dossier"].with_user(self.vip_admin).create({"name": "Unassigned"})
        self.assertFalse(dossier.user_id)

    def test_completeness(self):
        self.assertEqual(self.dossier.completeness, 0)
        self.assertTrue(self.dossier.is_incomplete)
        employer = self.env["res.partner"].create({"name": "Employer", "is_company": True})
        self.dossier.write(
            {
                "birth_date": date(1970, 5, 5),
                "phone": "+7 1",
                "email": "a@b.c",
                "employer_id": employer.id,
                "job_title": "CEO",
                "client_since": date(2020, 1, 1),
                "preferred_channel": "phone",
            }
        )
        self.assertEqual(self.dossier.completeness, 78)  # 7 of 9
        self.assertTrue(self.dossier.is_incomplete)
        self.assertEqual(self.dossier.missing_facts, "consent to personal data processing, preferences")
        self.dossier.consent_date = date(2024, 1, 1)
        self.assertEqual(self.dossier.completeness, 89)
        self.assertFalse(self.dossier.is_incomplete)
        self.env["vip.preference"].create({"dossier_id": self.dossier.id, "category_id": self.gifts.id, "value": "Tea"})
        self.assertEqual(self.dossier.completeness, 100)
        self.assertFalse(self.dossier.missing_facts)
        # a change on the contact card counts too
        self.dossier.partner_id.email = False
        self.assertEqual(self.dossier.completeness, 89)
        self.assertEqual(self.dossier.missing_facts, "e-mail")
        self.assertIn(self.dossier, self.env["vip.dossier"].search([("is_incomplete", "=", False)]))

    def test_deputy_is_not_a_missing_fact(self):
        """Only an administrator sets the deputy: it counts neither way against the manager."""
        before = self.dossier.completeness
        self.dossier.deputy_id = self.manager2
        self.assertEqual(self.dossier.completeness, before)
        self.assertNotIn("deputy", self.dossier.missing_facts.lower())

    def test_missing_facts_in_russian(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.env["ir.module.module"]._load_module_terms(["vip_dossier"], ["ru_RU"])
        missing = self.dossier.with_context(lang="ru_RU").missing_facts
        self.assertIn("дата рождения", missing)
        self.assertNotIn("birth date", missing)

    def test_employer_facts(self):
        industry = self.env.ref("base.res_partner_industry_K")
        employer = self.env["res.partner"].create(
            {
                "name": "Bank",
                "is_company": True,
                "website": "https://bank.example",
                "industry_id": industry.id,
                "founding_date": date(1990, 12, 2),
            }
        )
        self.dossier.employer_id = employer
        self.assertEqual(self.dossier.employer_industry_id, industry)
        self.assertEqual(self.dossier.employer_founding_date, date(1990, 12, 2))
        self.assertEqual(self.dossier.employer_website, "https://bank.example")
        with freeze_time("2026-04-02"), self.assertRaisesMessage(ValidationError, "founding date"):
            employer.founding_date = date(2026, 5, 1)

    def test_interaction_posts_on_chatter(self):
        relative = self.env["vip.relative"].create(
            {"dossier_id": self.dossier.id, "relation_type_id": self.spouse.id, "first_name": "Ольга"}
        )
        interaction = (
            self.env["vip.interaction"]
            .with_user(self.manager)
            .create(
                {
                    "dossier_id": self.dossier.id,
                    "relative_id": relative.id,
                    "channel": "congratulation",
                    "subject": "Birthday wishes",
                    "outcome": "Very pleased",
                    "next_step": "Send flowers",
                }
            )
        )
        message = self.dossier.message_ids.filtered(
            lambda m: m.subtype_id == self.env.ref("vip_dossier.mt_vip_interaction")
        )
        self.assertEqual(len(message), 1)
        self.assertIn("Birthday wishes", message.body)
        self.assertIn("Ольга", message.body)
        self.assertIn("Send flowers", message.body)
        self.assertEqual(message.author_id, self.manager.partner_id)
        self.assertEqual(interaction.contact_name, relative.name)
        self.assertEqual(self.dossier.interaction_count, 1)

    def test_a_dated_next_step_is_a_follow_up_task(self):
        Interaction = self.env["vip.interaction"].with_user(self.manager)
        interaction = Interaction.create(
            {
                "dossier_id": self.dossier.id,
                "subject": "Deposit",
                "outcome": "Thinks about a larger amount",
                "next_step": "Call back with the rates",
                "next_step_date": "2030-03-02",
            }
        )
        task = interaction.next_activity_id
        self.assertEqual((task.res_model, task.res_id), ("vip.dossier", self.dossier.id))
        self.assertEqual(
            (task.summary, task.date_deadline, task.user_id),
            ("Call back with the rates", date(2030, 3, 2), self.manager),
        )
        # the task follows the next step while it is open, and goes when the date does
        interaction.write({"next_step_date": "2030-03-05", "next_step": "Send the rates"})
        self.assertEqual((task.date_deadline, task.summary), (date(2030, 3, 5), "Send the rates"))
        interaction.next_step_date = False
        self.assertFalse(task.exists())
        # no date, no task
        self.assertFalse(
            Interaction.create(
                {"dossier_id": self.dossier.id, "subject": "Hello", "next_step": "Later"}
            ).next_activity_id
        )

    def test_interaction_with_relative_of_other_client_rejected(self):
        other = self.env["vip.dossier"].create({"name": "Other Client"})
        stranger = self.env["vip.relative"].create(
            {"dossier_id": other.id, "relation_type_id": self.spouse.id, "first_name": "Stranger"}
        )
        with self.assertRaisesMessage(ValidationError, "not a relative of"):
            self.env["vip.interaction"].create(
                {"dossier_id": self.dossier.id, "relative_id": stranger.id, "subject": "Call"}
            )

    def test_interaction_needs_subject(self):
        with self.assertRaisesMessage(ValidationError, "needs a subject"):
            self.env["vip.interaction"].create({"dossier_id": self.dossier.id, "subject": "   "})

    def test_the_menu_opens_on_ones_own_clients_or_on_all(self):
        """Top management has no client of its own: its list opens on every client, not on an empty
        "My Clients" inviting it to create one."""
        menu = self.env.ref("vip_dossier.vip_dossier_menu").action
        self.assertEqual(menu, self.env.ref("vip_dossier.vip_dossier_action_menu"))
        for user, context in ((self.manager, "{'search_default_my_clients': 1}"), (self.supervisor, "{}")):
            with self.subTest(user=user.login):
                action = menu.with_user(user).run()
                self.assertEqual(action["res_model"], "vip.dossier")
                self.assertEqual(action["context"], context)

    def test_the_activity_menu_finds_its_filters(self):
        """The activity menu opens the clients with Late, Today or Future: without these filters in the
        search view, Today and Future opened every client."""
        arch = self.env["vip.dossier"].get_views([(False, "search")])["views"]["search"]["arch"]
        for name in ("activities_overdue", "activities_today", "activities_upcoming_all"):
            self.assertIn(f'name="{name}"', arch)

    def test_open_lines_actions(self):
        for method in (
            "action_open_interactions",
            "action_open_operations",
            "action_open_income",
            "action_open_relatives",
        ):
            action = getattr(self.dossier, method)()
            self.assertEqual(action["domain"], [("dossier_id", "=", self.dossier.id)])
            self.assertEqual(action["context"]["default_dossier_id"], self.dossier.id)

    def test_search_by_client_ref(self):
        found = self.env["vip.dossier"].name_search("T-0001")
        self.assertEqual([r[0] for r in found], [self.dossier.id])
