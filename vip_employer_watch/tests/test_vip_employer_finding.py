# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import Form
from odoo.tests.common import tagged

from odoo.addons.vip_dossier.tests.common import VipCase

from ..hooks import first_findings_from_the_old_note


@tagged("post_install", "-at_install")
class TestVipEmployerFinding(VipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employer = cls.env["res.partner"].create(
            {"name": "Стройинвест", "is_company": True, "website": "https://stroy.example"}
        )
        cls.dossier.employer_id = cls.employer
        cls.todo = cls.env.ref("mail.mail_activity_data_todo")

    def record(self, user=None, **values):
        """What *Checked today* does: the dialog it opens on the dossier, filled in and saved."""
        user = user or self.manager
        action = self.dossier.with_user(user).action_mark_site_checked()
        self.assertEqual((action["res_model"], action["target"]), ("vip.employer.finding", "new"))
        form = Form(self.env[action["res_model"]].with_user(user).with_context(**action["context"]))
        for name, value in values.items():
            setattr(form, name, value)
        return form.save()

    def test_every_check_is_kept(self):
        with freeze_time("2026-04-02"):
            first = self.record(note="A new plant in Tula")
        with freeze_time("2026-05-10"):
            second = self.record(note="Nothing new")
        findings = self.dossier.employer_finding_ids
        self.assertEqual(findings, second | first, "the history, latest first")
        self.assertEqual(findings.mapped("note"), ["Nothing new", "A new plant in Tula"], "nothing overwritten")
        self.assertEqual(first.date, date(2026, 4, 2))
        self.assertEqual(
            (first.employer_id, first.website, first.user_id), (self.employer, "https://stroy.example", self.manager)
        )
        self.assertFalse(first.worth_call)
        self.assertEqual(self.dossier.employer_site_checked_date, date(2026, 5, 10), "the last check")
        # the client changes employer: each finding keeps the employer it was about
        self.dossier.employer_id = self.env["res.partner"].create({"name": "Нефтегаз", "is_company": True})
        self.assertEqual(first.employer_id, self.employer)
        # a check recorded late, for an earlier day, does not move the last check back
        with freeze_time("2026-05-20"):
            self.record(date=date(2026, 5, 1), note="Forgot to write it down")
        self.assertEqual(self.dossier.employer_site_checked_date, date(2026, 5, 10))
        self.assertEqual(len(self.dossier.employer_finding_ids), 3)

    def test_worth_a_call_becomes_an_interaction(self):
        with freeze_time("2026-04-02 09:00:00"):
            finding = self.record(note="Won a state contract", worth_call=True, follow_up="interaction")
        interaction = finding.interaction_id
        self.assertTrue(interaction)
        self.assertEqual(interaction.dossier_id, self.dossier)
        self.assertEqual((interaction.channel, interaction.user_id), ("call", self.manager))
        self.assertIn("Стройинвест", interaction.subject)
        self.assertEqual(interaction.outcome, "Won a state contract")
        self.assertEqual(self.dossier.interaction_ids, interaction)
        self.assertFalse(finding.activity_id)
        self.assertFalse(self.dossier.activity_ids, "no task: the call is made")

    def test_worth_a_call_becomes_a_task_for_the_manager(self):
        with freeze_time("2026-04-02"):
            finding = self.record(
                note="Won a state contract", worth_call=True, follow_up="task", follow_up_date=date(2026, 4, 6)
            )
        task = finding.activity_id
        self.assertEqual(self.dossier.activity_ids, task)
        self.assertEqual((task.activity_type_id, task.user_id), (self.todo, self.manager))
        self.assertEqual(task.date_deadline, date(2026, 4, 6))
        self.assertIn("Стройинвест", task.summary)
        self.assertIn("Won a state contract", str(task.note))
        self.assertFalse(finding.interaction_id)
        self.assertFalse(self.dossier.interaction_ids, "no interaction: nobody has called yet")
        # an administrator records it: the call is the client's manager's
        with freeze_time("2026-04-03"):
            finding = self.record(self.vip_admin, note="New CEO", worth_call=True, follow_up="task")
        self.assertEqual(finding.activity_id.user_id, self.manager)
        self.assertEqual(finding.activity_id.date_deadline, date(2026, 4, 3), "today unless told otherwise")

    def test_a_finding_worth_a_call_says_how_and_none_is_from_the_future(self):
        with freeze_time("2026-04-02"):
            with self.assertRaisesMessage(ValidationError, "call"):
                self.env["vip.employer.finding"].create(
                    {"dossier_id": self.dossier.id, "note": "Merger", "worth_call": True}
                )
            with self.assertRaisesMessage(ValidationError, "future"):
                self.env["vip.employer.finding"].create(
                    {"dossier_id": self.dossier.id, "date": date(2026, 4, 3), "note": "Merger"}
                )
        self.assertFalse(self.dossier.employer_finding_ids)

    def test_migration_makes_the_last_note_a_first_finding(self):
        """A database from before the history: each dossier's one note (and the check date without one)
        becomes its first finding when this addon is installed."""
        cr = self.env.cr
        other = self.env["vip.dossier"].create({"name": "Без проверки", "user_id": self.manager2.id})
        undated = self.env["vip.dossier"].create({"name": "Без даты проверки", "user_id": self.manager2.id})
        unnoted = self.env["vip.dossier"].create(
            {"name": "Без заметки", "user_id": self.manager2.id, "employer_site_checked_date": date(2026, 3, 1)}
        )
        self.env.flush_all()
        # the previous version's state: the note in its column on the dossier, no finding
        cr.execute("ALTER TABLE vip_dossier ADD COLUMN IF NOT EXISTS employer_site_note text")
        cr.execute(
            "UPDATE vip_dossier SET employer_site_note = %s, employer_site_checked_date = %s WHERE id = %s",
            ["Открыли завод", date(2026, 2, 1), self.dossier.id],
        )
        cr.execute("UPDATE vip_dossier SET employer_site_note = '  ' WHERE id = %s", [other.id])
        cr.execute("UPDATE vip_dossier SET employer_site_note = 'Новости' WHERE id = %s", [undated.id])
        first_findings_from_the_old_note(self.env)
        first_findings_from_the_old_note(self.env)  # run twice, made once
        self.env.invalidate_all()
        finding = self.dossier.employer_finding_ids
        self.assertEqual(len(finding), 1)
        self.assertEqual(
            (finding.date, finding.note, finding.employer_id, finding.website, finding.user_id, finding.worth_call),
            (date(2026, 2, 1), "Открыли завод", self.employer, "https://stroy.example", self.manager, False),
        )
        self.assertEqual(unnoted.employer_finding_ids.date, date(2026, 3, 1))
        self.assertFalse(unnoted.employer_finding_ids.note)
        self.assertFalse(other.employer_finding_ids, "never checked, nothing written: no finding")
        # a note without its day: the finding is dated the dossier's last change, and is its last check
        self.assertEqual(undated.employer_finding_ids.date, undated.write_date.date())
        self.assertEqual(undated.employer_site_checked_date, undated.write_date.date())
        self.assertEqual(self.dossier.employer_site_checked_date, date(2026, 2, 1))
