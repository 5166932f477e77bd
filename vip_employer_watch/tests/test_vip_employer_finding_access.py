# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A finding is the client's data: the same rights and row rules as every client line, every read
logged, never moved onto another client, whatever the way in."""

from datetime import date

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests.common import tagged

from odoo.addons.vip_security.tests.common import ALL, NOTHING, VipSecurityCase

FINDING = "vip.employer.finding"
# history is kept: managers do not delete findings
MANAGER = ("read", "write", "create")


@tagged("post_install", "-at_install")
class TestVipEmployerFindingAccess(VipSecurityCase):
    @classmethod
    def _make_records(cls, dossier):
        records = super()._make_records(dossier)
        records[FINDING] = cls.env[FINDING].create(
            {"dossier_id": dossier.id, "date": date(2025, 1, 1), "note": f"News of {dossier.name}'s employer"}
        )
        return records

    def test_every_role(self):
        mine, theirs = {FINDING: self.records[FINDING]}, {FINDING: self.other_records[FINDING]}
        self._assert(self.manager, mine, {FINDING: MANAGER})
        self._assert(self.deputy, mine, {FINDING: MANAGER})
        self._assert(self.manager2, mine, {FINDING: NOTHING})
        self._assert(self.manager, theirs, {FINDING: NOTHING})
        self._assert(self.emergency, mine, {FINDING: NOTHING})
        for records in (mine, theirs):
            self._assert(self.supervisor, records, {FINDING: ("read",)})
            self._assert(self.vip_admin, records, {FINDING: ALL})
            for user in (self.employee, self.portal):
                self._assert(user, records, {FINDING: NOTHING})
        for user in (self.employee, self.portal):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env[FINDING].with_user(user).search([])
        self.fresh()
        found = self.env[FINDING].with_user(self.manager).search([("dossier_id.client_ref", "like", "T-")])
        self.assertEqual(found.dossier_id, self.dossier)

    def test_reading_a_finding_is_logged(self):
        logs = self.env["vip.access.log"]
        before = logs.search_count([("dossier_id", "=", self.dossier.id)])
        self.records[FINDING].with_user(self.manager).read(["note"])
        self.assertEqual(
            logs.search_count([("dossier_id", "=", self.dossier.id)]), before + 1, "what the employer's site showed"
        )

    def test_employer_findings_as_an_insider(self):
        """A finding is the client's data: read by its readers, recorded by its managers only, and
        never moved onto another client, whatever the way in."""
        Finding = self.env["vip.employer.finding"]
        theirs = self.other_records["vip.employer.finding"]
        self.env["vip.access.grant"].create(
            {
                "user_id": self.emergency.id,
                "dossier_id": self.other_dossier.id,
                "reason": "Client called about a blocked card",
                "date_end": fields.Datetime.add(fields.Datetime.now(), hours=1),
            }
        )
        new = {"dossier_id": self.other_dossier.id, "note": "Planted", "worth_call": True, "follow_up": "task"}
        # outsiders and the manager of other clients: not found, not read, not changed, not recorded
        for user in (self.manager, self.employee):
            with self.subTest(user=user.login):
                self.fresh()
                if user == self.manager:
                    self.assertFalse(Finding.with_user(user).search([("dossier_id", "=", self.other_dossier.id)]))
                else:
                    with self.assertRaises(AccessError):
                        Finding.with_user(user).search([])
                with self.assertRaises(AccessError):
                    theirs.with_user(user).read(["note"])
                with self.assertRaises(AccessError):
                    theirs.with_user(user).write({"note": "Rewritten"})
                with self.assertRaises(AccessError):
                    Finding.with_user(user).create(new)
                with self.assertRaises(AccessError):
                    self.other_dossier.with_user(user).action_mark_site_checked()
        # the emergency reader and top management read it and record nothing (as with interactions)
        for user in (self.emergency, self.supervisor):
            with self.subTest(user=user.login):
                self.fresh()
                self.assertEqual(theirs.with_user(user).note, theirs.note)
                with self.assertRaises(AccessError):
                    theirs.with_user(user).write({"note": "Rewritten"})
                with self.assertRaises(AccessError):
                    Finding.with_user(user).create(new)
        # the client's own manager may not move a finding onto another client, nor link another's call to it
        # (the registry-wide guard of vip_security/models/base.py: AccessError and ValidationError are UserErrors)
        mine = self.records["vip.employer.finding"].with_user(self.manager)
        for fname, target in (
            ("dossier_id", self.other_dossier),
            ("interaction_id", self.other_records["vip.interaction"]),
        ):
            with self.subTest(field=fname):
                self.fresh()
                with self.assertRaises(UserError):
                    mine.write({fname: target.id})
        self.fresh()
        self.assertEqual(self.records["vip.employer.finding"].dossier_id, self.dossier)
        self.assertEqual(self.other_dossier.employer_finding_ids, theirs, "nothing planted, no task, no call")
        self.assertFalse(self.other_dossier.activity_ids)
        # the client's managers record findings; a deputy's call task is the deputy's
        with self.env.cr.savepoint():
            finding = Finding.with_user(self.deputy).create(
                {"dossier_id": self.dossier.id, "note": "Merger", "worth_call": True, "follow_up": "task"}
            )
            self.assertEqual(finding.activity_id.user_id, self.deputy)
