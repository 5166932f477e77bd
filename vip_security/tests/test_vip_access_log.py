# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests.common import tagged

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

    def test_list_and_save_are_not_openings(self):
        Dossier = self.env["vip.dossier"].with_user(self.manager)
        Dossier.web_search_read([], {"name": {}})
        self.dossier.with_user(self.manager).web_save({"job_title": "CEO"}, {"name": {}})
        self.assertFalse(self._logs(self.dossier))

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
            dossier.with_context(vip_no_access_log=True).web_read(FORM_SPEC)
        self.env.invalidate_all()
        with self.assertQueryCount(11):
            dossier.web_read(FORM_SPEC)
