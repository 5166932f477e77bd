# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import VipGiftCase

REASON = "gifts received: the bank's tax records (Tax Code art. 230)"


@tagged("post_install", "-at_install")
class TestVipRelativeRetention(VipGiftCase):
    """A relative who received a gift is a tax record: the erasure of a withdrawn consent keeps them."""

    def test_a_gift_is_a_ground_to_keep_the_relative(self):
        Relative = self.env["vip.relative"]
        both = self.relative | self.other_relative
        self.assertEqual(both._vip_retention_grounds(), {})
        self.given(1000, dossier=self.dossier)
        self.assertEqual(both._vip_retention_grounds(), {}, "a gift to the client keeps no relative")
        self.given(1000, relative=self.relative)
        self.gift(500, relative=self.relative)
        self.assertEqual(both._vip_retention_grounds(), {self.relative.id: [REASON]}, "once, however many gifts")
        # asked by the client's manager, as the erasure's plan is shown to them, and for an archived relative
        self.assertEqual(self.relative.with_user(self.manager)._vip_retention_grounds(), {self.relative.id: [REASON]})
        self.relative.active = False
        self.assertEqual(self.relative._vip_retention_grounds(), {self.relative.id: [REASON]})
        self.assertEqual(Relative._vip_retention_grounds(), {})
        # the ground is the database's own rule: the relative cannot be deleted while their gifts are kept
        with mute_logger("odoo.sql_db"), self.assertRaises(Exception), self.env.cr.savepoint():  # noqa: B017
            self.relative.unlink()

    def test_the_ground_is_told_in_russian(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.env["ir.module.module"]._load_module_terms(["vip_compliance"], ["ru_RU"])
        self.given(1000, relative=self.relative)
        grounds = self.relative.with_context(lang="ru_RU")._vip_retention_grounds()
        self.assertIn("ст. 230", grounds[self.relative.id][0])

    def test_a_gift_recipient_is_archived_not_deleted(self):
        """Deleting a relative the register names got the database's error; now a clear one."""
        self.gift(1000, relative=self.relative)
        with self.assertRaisesMessage(UserError, "Archive the relative instead"):
            self.relative.with_user(self.manager).unlink()
