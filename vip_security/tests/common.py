# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import new_test_user

from odoo.addons.vip_dossier.tests.common import VipCase

ALL = ("read", "write", "create", "unlink")
NOTHING = ()


class VipSecurityCase(VipCase):
    """Two managers with a client each, every other role, and a full dossier each."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.emergency = new_test_user(cls.env, "vip_t_emergency", groups="vip_security.group_vip_emergency")
        cls.deputy = new_test_user(cls.env, "vip_t_deputy", groups="vip_dossier.group_vip_manager", name="Deputy")
        cls.dossier.deputy_id = cls.deputy
        cls.other_dossier = cls.env["vip.dossier"].create(
            {"name": "Other Client", "user_id": cls.manager2.id, "client_ref": "T-0002"}
        )
        cls.records = cls._make_records(cls.dossier)
        cls.other_records = cls._make_records(cls.other_dossier)

    @classmethod
    def _make_branches(cls):
        """Two branches: the head's (Tverskaya), with the manager and the client, and another with
        manager2 and the other client; a late task on each client."""
        cls.head = new_test_user(cls.env, "vip_t_head", groups="vip_security.group_vip_branch_head", name="Head")
        cls.branch = cls.env["vip.branch"].create({"name": "Tverskaya", "head_user_ids": [Command.link(cls.head.id)]})
        cls.other_branch = cls.env["vip.branch"].create({"name": "City"})
        cls.manager.vip_branch_id = cls.branch
        cls.manager2.vip_branch_id = cls.other_branch
        (cls.dossier | cls.other_dossier).write({"branch_id": False})
        cls.dossier.branch_id = cls.branch
        cls.other_dossier.branch_id = cls.other_branch
        today = fields.Date.context_today(cls.env["vip.dossier"])
        cls.task = cls.dossier.activity_schedule(
            "mail.mail_activity_data_todo", date_deadline=today - timedelta(days=2), user_id=cls.manager.id
        )
        cls.other_task = cls.other_dossier.activity_schedule(
            "mail.mail_activity_data_todo",
            summary="Secret of the other branch",
            date_deadline=today - timedelta(days=2),
            user_id=cls.manager2.id,
        )

    @classmethod
    def _make_records(cls, dossier):
        relative = cls.env["vip.relative"].create(
            {"dossier_id": dossier.id, "relation_type_id": cls.spouse.id, "first_name": f"Spouse of {dossier.name}"}
        )
        return {
            "vip.dossier": dossier,
            "vip.relative": relative,
            "vip.preference": cls.env["vip.preference"].create(
                {"dossier_id": dossier.id, "category_id": cls.gifts.id, "value": f"Tea for {dossier.name}"}
            ),
            "vip.trusted.person": cls.env["vip.trusted.person"].create(
                {"dossier_id": dossier.id, "name": "Lawyer", "scope": "All", "valid_from": date(2025, 1, 1)}
            ),
            "vip.interaction": cls.env["vip.interaction"].create({"dossier_id": dossier.id, "subject": "Call"}),
            "vip.operation": cls.env["vip.operation"].create(
                {"dossier_id": dossier.id, "date": date(2025, 1, 1), "operation_type": "fee", "amount": 5}
            ),
            "vip.income": cls.env["vip.income"].create(
                {"dossier_id": dossier.id, "date": date(2025, 1, 1), "product_line": "fees", "amount": 7}
            ),
        }

    def _can(self, user, record, operation):
        record = record.with_user(user)
        self.fresh()
        try:
            with self.env.cr.savepoint():
                if operation == "read":
                    record.read(["display_name"])
                elif operation == "write":
                    record.check_access("write")
                    record.write({})
                elif operation == "create":
                    record.check_access("create")
                else:
                    record.check_access("unlink")
        except AccessError:
            return False
        return True

    def _assert(self, user, records, expected):
        for model, perms in expected.items():
            for operation in ALL:
                with self.subTest(user=user.login, model=model, operation=operation):
                    self.assertEqual(
                        self._can(user, records[model], operation),
                        operation in perms,
                        f"{user.login} {operation} {model} #{records[model].id}",
                    )

    def fresh(self):
        """Make the database answer, not the cache."""
        self.env.flush_all()
        self.env.invalidate_all()

    def grant_emergency(self, dossier):
        """The emergency reader opens ``dossier`` through the break-glass wizard, for an hour."""
        wizard = self.env["vip.emergency.wizard"].with_user(self.emergency)
        wizard.create(
            {"client_ref": dossier.client_ref, "reason": "The manager is away; client at the branch.", "hours": "1"}
        ).action_open()
        self.fresh()
