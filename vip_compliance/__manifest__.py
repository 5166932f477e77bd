# Copyright 2026 VIP Desk contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "VIP Desk: Compliance and Gifts",
    "summary": "PEP and civil-servant flags of clients and relatives (115-FZ art. 7.3), and the gift "
    "register under Russian law: approval above the civil-servant limit, taxable gifts, budgets per tier",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/vip-desk/vip-desk",
    "author": "VIP Desk contributors",
    "maintainers": ["vip-desk"],
    "license": "LGPL-3",
    "installable": True,
    # key dates are a gift's occasion; the access policy comes with them
    "depends": ["vip_calendar", "report_xlsx"],
    "data": [
        "security/ir.model.access.csv",
        "security/vip_compliance_rules.xml",
        "report/vip_gift_reports.xml",
        "views/vip_dossier_views.xml",
        "views/vip_relative_views.xml",
        "views/vip_gift_views.xml",
        "views/vip_gift_recipient_year_views.xml",
        "views/vip_gift_budget_views.xml",
        "views/res_company_views.xml",
        "wizards/vip_gift_decision_wizard_views.xml",
        "views/vip_compliance_menus.xml",
    ],
    "demo": ["demo/vip_compliance_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "vip_compliance/static/tests/tours/*.js",
        ],
    },
}
