# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager
from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase


class VipAssertions:
    @contextmanager
    def assertRaisesMessage(self, exception, pattern):
        """Like assertRaisesRegex, but rolled back to a savepoint as Odoo's assertRaises is."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertRegex(str(caught.exception), pattern)


class VipCase(VipAssertions, TransactionCase):
    """Users of every role and a small dossier to work on."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # messages are asserted in English, whatever languages the database has
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, lang="en_US"))
        cls.manager = new_test_user(
            cls.env, "vip_t_manager", groups="vip_dossier.group_vip_manager", name="Manager One"
        )
        cls.manager2 = new_test_user(
            cls.env, "vip_t_manager2", groups="vip_dossier.group_vip_manager", name="Manager Two"
        )
        cls.supervisor = new_test_user(cls.env, "vip_t_supervisor", groups="vip_dossier.group_vip_supervisor")
        cls.vip_admin = new_test_user(cls.env, "vip_t_admin", groups="vip_dossier.group_vip_admin")
        cls.employee = new_test_user(cls.env, "vip_t_employee", groups="base.group_user")
        cls.portal = new_test_user(cls.env, "vip_t_portal", groups="base.group_portal")
        cls.tier = cls.env.ref("vip_dossier.vip_tier_gold")
        cls.spouse = cls.env.ref("vip_dossier.vip_relation_type_spouse")
        cls.gifts = cls.env.ref("vip_dossier.vip_preference_category_gifts")
        cls.dossier = cls.env["vip.dossier"].create(
            {
                "last_name": "Петров",
                "first_name": "Иван",
                "patronymic": "Сергеевич",
                "user_id": cls.manager.id,
                "tier_id": cls.tier.id,
                "client_ref": "T-0001",
            }
        )

    @classmethod
    def _make_client_lines(cls):
        """One of each line of the client: a relative, an interaction, an operation, an income line."""
        cls.relative = cls.env["vip.relative"].create(
            {"dossier_id": cls.dossier.id, "relation_type_id": cls.spouse.id, "first_name": "Мария"}
        )
        cls.interaction = cls.env["vip.interaction"].create({"dossier_id": cls.dossier.id, "subject": "Звонок"})
        cls.operation = cls.env["vip.operation"].create(
            {"dossier_id": cls.dossier.id, "date": date(2025, 1, 1), "operation_type": "deposit", "amount": 5}
        )
        cls.income = cls.env["vip.income"].create(
            {"dossier_id": cls.dossier.id, "date": date(2025, 1, 1), "product_line": "fees", "amount": 7}
        )

    def foreign_currency(self, worth, day):
        """A currency other than the company's, one unit of it worth ``worth`` of the company's from ``day``."""
        company = self.env.company
        foreign = (
            self.env["res.currency"]
            .with_context(active_test=False)
            .search([("id", "!=", company.currency_id.id)], limit=1)
        )
        foreign.active = True
        self.env["res.currency.rate"].search([("currency_id", "in", (foreign | company.currency_id).ids)]).unlink()
        self.env["res.currency.rate"].create(
            [
                {"currency_id": foreign.id, "name": day, "rate": 1 / worth, "company_id": company.id},
                {"currency_id": company.currency_id.id, "name": day, "rate": 1.0, "company_id": company.id},
            ]
        )
        return foreign

    def _valid_vals(self, model):
        """Values that make a new record of ``model``, for the input and fuzz tests to spoil."""
        return {
            "vip.dossier": {"last_name": "Новиков", "first_name": "Олег"},
            "vip.relative": {"dossier_id": self.dossier.id, "relation_type_id": self.spouse.id, "first_name": "Анна"},
            "vip.trusted.person": {
                "dossier_id": self.dossier.id,
                "name": "Нотариус",
                "scope": "Всё",
                "valid_from": "2025-01-01",
            },
            "vip.preference": {"dossier_id": self.dossier.id, "category_id": self.gifts.id, "value": "Кофе"},
            "vip.interaction": {"dossier_id": self.dossier.id, "subject": "Встреча"},
            "vip.operation": {
                "dossier_id": self.dossier.id,
                "date": "2025-02-01",
                "operation_type": "deposit",
                "amount": 10,
            },
            "vip.income": {"dossier_id": self.dossier.id, "date": "2025-02-01", "product_line": "fees", "amount": 10},
            "vip.tier": {"name": "Бриллиант"},
        }[model]


class VipTourMixin:
    """A tour run as a VIP manager, in ``lang``; mixed into HttpCase by each size/language variant."""

    lang = "en_US"
    allow_inherited_tests_method = True
    tour_login = "vip_tour_manager"
    tour_modules = ("base", "web", "mail", "vip_dossier")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()  # pylint: disable=no-member
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        if cls.lang != "en_US":
            cls.env["res.lang"]._activate_lang(cls.lang)
            cls.env["ir.module.module"]._load_module_terms(list(cls.tour_modules), [cls.lang])
        cls.manager = new_test_user(
            cls.env, cls.tour_login, groups="vip_dossier.group_vip_manager", name="Tour Manager", lang=cls.lang
        )


class RefusalAssertions:
    """A hostile value is refused with a clear error and saves nothing, on create and on write; the
    values of a valid new record come from the case (``VipCase._valid_vals``)."""

    def assertRefused(self, record, field, value, pattern):
        """Creating a record of ``record``'s model with ``value`` in ``field``, or writing it on
        ``record``, raises a ValidationError matching ``pattern``; nothing is saved either way."""
        Model = self.env[record._name]
        partners = self.env["res.partner"].search_count([])
        count = Model.search_count([])
        with self.subTest(model=record._name, field=field, value=repr(value)[:40], how="create"):
            with self.assertRaisesMessage(ValidationError, pattern):
                Model.create({**self._valid_vals(record._name), field: value})
            self.env.invalidate_all()
            self.assertEqual(Model.search_count([]), count)
            self.assertEqual(self.env["res.partner"].search_count([]), partners, "no contact card left behind")
        before = record[field]
        with self.subTest(model=record._name, field=field, value=repr(value)[:40], how="write"):
            with self.assertRaisesMessage(ValidationError, pattern):
                record.write({field: value})
            self.env.invalidate_all()
            self.assertEqual(record[field], before)
