# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.tests import new_test_user

from odoo.addons.vip_security.tests.common import VipSecurityCase

# a Wednesday
TODAY = "2026-06-03 09:00:00"


class VipRequestCase(VipSecurityCase):
    """An expert with no VIP access, an area they answer, and a request on each manager's client."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Request = cls.env["vip.request"]
        cls.expert = new_test_user(
            cls.env, "vip_t_expert", groups="base.group_user", name="Tax Expert", email="expert@bank.example"
        )
        cls.manager.email = "manager@bank.example"
        cls.manager2.email = "manager2@bank.example"
        cls.area = cls.env["vip.request.area"].create(
            {"name": "Test Taxes", "response_days": 3, "expert_id": cls.expert.id}
        )
        with freeze_time(TODAY):
            cls.request = cls.new_request(cls.manager, cls.dossier)
            cls.other_request = cls.new_request(cls.manager2, cls.other_dossier)
            cls.env.flush_all()

    @classmethod
    def new_request(cls, user, dossier, **values):
        request = cls.Request.with_user(user).create(
            {
                "dossier_id": dossier.id,
                "name": f"Tax deduction of {dossier.name}",
                "question": "Can the deduction be claimed for three years at once?",
                "area_id": cls.area.id,
                **values,
            }
        )
        return request.with_env(cls.env)
