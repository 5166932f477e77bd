# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.tests.common import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestVipEmployerWatchDemo(TransactionCase):
    @freeze_time("2026-12-25")
    def test_a_short_history_of_looks(self):
        """Three looks at the employer's site of each complete demo client, the last on the dossier's last
        check; news called about, and news to call about."""
        # the demo of the installed module already used the VIP-xxxx refs: start clean
        self.env["vip.dossier"].search([("client_ref", "like", "VIP-%")]).unlink()
        self.env["vip.demo"]._generate(seed=7)
        dossiers = self.env["vip.dossier"].search([("client_ref", "like", "VIP-%")])
        self.env["vip.demo"]._demo_employer_findings(dossiers, seed=7)
        checked = dossiers.filtered("employer_site_checked_date")
        self.assertTrue(checked)
        self.assertEqual(checked, dossiers.filtered("job_title"), "every complete dossier, only those")
        for dossier in checked:
            self.assertEqual(len(dossier.employer_finding_ids), 3)
            self.assertEqual(dossier.employer_finding_ids[0].date, dossier.employer_site_checked_date)
        worth = checked.employer_finding_ids.filtered("worth_call")
        self.assertTrue(worth.interaction_id and worth.activity_id, "news called about, and news to call about")
