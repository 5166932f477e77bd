# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import VipGiftCase


@tagged("post_install", "-at_install")
class TestVipPublicOffice(VipGiftCase):
    def test_members_set_the_flags_of_client_and_relatives(self):
        values = {
            "pep_kind": "foreign",
            "public_position": "Ambassador",
            "public_office_checked_date": date(2026, 1, 5),
        }
        self.dossier.with_user(self.manager).write(values)
        self.relative.with_user(self.deputy).write({"pep_kind": "international"})
        self.dossier.with_user(self.vip_admin).write({"is_civil_servant": True})
        self.fresh()
        self.assertEqual(self.dossier.pep_kind, "foreign")
        self.assertTrue(self.dossier.is_civil_servant)
        self.assertEqual(self.relative.pep_kind, "international")

    def test_no_one_else_sets_them(self):
        self.fresh()
        # top management reads the flags, and changes nothing
        self.assertEqual(self.relative.with_user(self.supervisor).is_civil_servant, True)
        for user in (self.supervisor, self.manager2, self.employee, self.emergency):
            with self.assertRaises(AccessError):
                self.dossier.with_user(user).write({"pep_kind": "russian"})
            with self.assertRaises(AccessError):
                self.relative.with_user(user).write({"is_civil_servant": False})
        for user in (self.manager2, self.employee):
            with self.assertRaises(AccessError):
                self.relative.with_user(user).read(["is_civil_servant"])

    def test_checked_date_not_in_future_and_bad_kind(self):
        with self.assertRaises(ValidationError):
            self.dossier.with_user(self.manager).write({"public_office_checked_date": date.today() + timedelta(days=2)})
        with self.assertRaises(ValidationError):
            self.relative.with_user(self.manager).write({"pep_kind": "king"})

    def test_client_filters_match_the_family(self):
        Dossier = self.env["vip.dossier"].with_user(self.manager)
        domain = ["|", ("is_civil_servant", "=", True), ("relative_ids.is_civil_servant", "=", True)]
        self.assertEqual(Dossier.search(domain), self.dossier)
        self.other_relative.is_civil_servant = True
        # another manager's client is flagged too: this manager does not find it
        self.assertEqual(Dossier.search(domain), self.dossier)
        self.assertIn(self.other_dossier, Dossier.with_user(self.supervisor).search(domain))

    def test_a_flag_changed_later_reaches_the_gifts(self):
        gift = self.gift(5000, relative=self.relative)
        self.assertTrue(gift.approval_required)
        self.relative.is_civil_servant = False
        self.assertFalse(gift.recipient_civil_servant)
        self.assertFalse(gift.approval_required)
        # the client's own flag reaches the gifts to the client, not those to the family
        to_client = self.gift(5000)
        self.assertFalse(to_client.approval_required)
        self.dossier.with_user(self.manager).write({"is_civil_servant": True, "pep_kind": "russian"})
        self.assertTrue(to_client.approval_required)
        self.assertEqual(to_client.recipient_pep_kind, "russian")
        self.assertFalse(gift.approval_required)
