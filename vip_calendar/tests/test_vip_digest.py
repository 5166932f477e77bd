# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests.common import tagged

from .common import VipCalendarCase

MONDAY_MORNING_MOSCOW = "2026-06-15 05:30:00"  # 08:30 in Moscow, a Monday


@tagged("post_install", "-at_install")
class TestVipDigest(VipCalendarCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager.email = "anna@vip.example"
        cls.manager2.email = "dmitry@vip.example"
        cls.supervisor.write({"email": "boss@vip.example", "tz": "Europe/Moscow"})
        with freeze_time("2026-06-01"):
            cls.others = cls.env["vip.dossier"].create(
                {"name": "Someone Else's Client", "user_id": cls.manager2.id, "birth_date": "1980-06-16"}
            )
            cls.dossier.activity_schedule(
                "mail.mail_activity_data_call",
                summary="Call about the deposit",
                date_deadline=date(2026, 6, 10),
                user_id=cls.manager.id,
            )
            cls.env.flush_all()

    def _mails_to(self, email):
        return self.env["mail.mail"].search([("email_to", "ilike", email)])

    def test_morning_digest(self):
        with freeze_time(MONDAY_MORNING_MOSCOW):
            self.env["res.users"]._cron_send_vip_digests()
        [mail] = self._mails_to("anna@vip.example")
        self.assertIn(self.dossier.name, mail.body_html)
        # the manager's alone: not filed on their user record, whose messages every employee reads
        self.assertFalse(mail.model or mail.res_id)
        self.assertIn("Call about the deposit", mail.body_html, "overdue tasks")
        self.assertIn(f"/odoo/vip.dossier/{self.dossier.id}", mail.body_html, "with links")
        self.assertNotIn("Someone Else", mail.body_html, "only the manager's own clients")
        [other] = self._mails_to("dmitry@vip.example")
        self.assertIn("Someone Else", other.body_html)
        # once a day, however often the hourly run comes back
        with freeze_time("2026-06-15 09:00:00"):
            self.env["res.users"]._cron_send_vip_digests()
        self.assertEqual(len(self._mails_to("anna@vip.example")), 1)

    def test_not_before_the_local_morning(self):
        with freeze_time("2026-06-15 02:00:00"):  # 05:00 in Moscow
            self.env["res.users"]._cron_send_vip_digests()
        self.assertFalse(self._mails_to("anna@vip.example"))

    def test_weekly_summary_on_mondays(self):
        with freeze_time("2026-06-16 05:30:00"):  # a Tuesday
            self.env["res.users"]._cron_send_vip_digests()
        self.assertFalse(self._mails_to("boss@vip.example"))
        with freeze_time(MONDAY_MORNING_MOSCOW):
            self.env["res.users"]._cron_send_vip_digests()
        [mail] = self._mails_to("boss@vip.example")
        self.assertIn(self.manager.name, mail.body_html)

    def test_digest_in_the_managers_language(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.env["ir.module.module"]._load_module_terms(["vip_calendar"], ["ru_RU"])
        self.manager.lang = "ru_RU"
        with freeze_time(MONDAY_MORNING_MOSCOW):
            self.env["res.users"]._cron_send_vip_digests()
        [mail] = self._mails_to("anna@vip.example")
        self.assertIn("Просроченные", mail.body_html + mail.subject)

    def test_digest_is_rendered_by_the_system_only(self):
        """Previewing or sending the digest on a manager would read that manager's clients."""
        template = self.env.ref("vip_calendar.mail_template_vip_digest")
        summary = self.env.ref("vip_calendar.mail_template_vip_supervisor_summary")
        for user in (self.employee, self.manager):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.manager2.with_user(user)._vip_digest_values()
                with self.assertRaises(AccessError):
                    self.supervisor.with_user(user)._vip_summary_values()
                with self.assertRaises(UserError):
                    template.with_user(user).send_mail(self.manager2.id)
                # a preview shows the refusal instead of the text
                preview = (
                    self.env["mail.template.preview"]
                    .with_user(user)
                    .create({"mail_template_id": summary.id, "resource_ref": f"res.users,{self.supervisor.id}"})
                )
                self.assertNotIn(self.manager.name, preview.body_html)
                self.assertTrue(preview.error_msg)
        self.assertFalse(self._mails_to("dmitry@vip.example"))

    def test_digest_templates_are_changed_by_administrators_only(self):
        """A template editor who adds their address in copy would receive every manager's digest."""
        template = self.env.ref("vip_calendar.mail_template_vip_digest")
        editor = self.manager2
        editor.groups_id |= self.env.ref("mail.group_mail_template_editor")
        as_editor = template.with_user(editor)
        with self.assertRaises(AccessError):
            as_editor.write({"email_cc": "dmitry@vip.example"})
        with self.assertRaises(AccessError):
            as_editor.write({"vip_system_only": False})
        with self.assertRaises(AccessError):
            as_editor.unlink()
        with self.assertRaises(AccessError):
            self.env["mail.template"].with_user(editor).create(
                {"name": "Mine", "model_id": template.model_id.id, "vip_system_only": True}
            )
        self.assertFalse(template.email_cc)
        # their own templates stay theirs to edit, and the settings administrator keeps the digest's wording
        own = self.env["mail.template"].with_user(editor).create({"name": "Mine", "model_id": template.model_id.id})
        own.write({"subject": "Hello"})
        template.with_user(self.env.ref("base.user_admin")).write({"subject": "Good morning"})
        self.assertEqual(template.subject, "Good morning")
