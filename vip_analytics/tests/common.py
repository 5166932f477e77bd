# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import fields

from odoo.addons.vip_security.tests.common import VipSecurityCase


class VipAnalyticsCase(VipSecurityCase):
    """Operations and income over two years for the first client, relative to today."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a database set up in Russian makes Russian users: the workbooks are read in English here
        (cls.manager | cls.manager2 | cls.deputy | cls.supervisor | cls.emergency).lang = "en_US"
        cls.usd = cls.env.ref("base.USD")
        cls.usd.active = True
        (cls.records["vip.income"] | cls.other_records["vip.income"]).unlink()
        Operation = cls.env["vip.operation"]
        Operation.create(
            [
                {
                    "dossier_id": cls.dossier.id,
                    "date": date(2026, 1, 15),
                    "operation_type": "deposit",
                    "amount": 100,
                    "external_ref": "XL-1",
                },
                {
                    "dossier_id": cls.dossier.id,
                    "date": date(2026, 2, 10),
                    "operation_type": "card",
                    "direction": "out",
                    "amount": 1234.5,
                    "currency_id": cls.usd.id,
                    "external_ref": "XL-2",
                },
            ]
        )
        # this month where the test users are (they have no time zone: UTC), not where the superuser is
        # (Brussels): near midnight on a month's last day they differ
        this_month = fields.Date.context_today(Operation.with_context(tz="UTC")).replace(day=1)
        cls.this_month = this_month
        cls.env["vip.income"].create(
            [
                {"dossier_id": cls.dossier.id, "date": this_month, "product_line": "fees", "amount": 3000},
                {
                    "dossier_id": cls.dossier.id,
                    "date": this_month - relativedelta(months=13),
                    "product_line": "interest",
                    "amount": 1000,
                },
                {"dossier_id": cls.other_dossier.id, "date": this_month, "product_line": "fx", "amount": 500},
            ]
        )

    def activate_russian(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.env["ir.module.module"]._load_module_terms(
            ["base", "vip_dossier", "vip_security", "vip_calendar", "vip_analytics"], ["ru_RU"]
        )
