# Copyright 2026 VIP Desk contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "VIP Desk: Personal Data Erasure",
    "summary": "Consent withdrawn (152-FZ art. 21): contacts stop at once, and what rests on consent only is "
    "erased within 30 days, with a task, a deadline top management watches and an access-log entry",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/vip-desk/vip-desk",
    "author": "VIP Desk contributors",
    "maintainers": ["vip-desk"],
    "license": "LGPL-3",
    "installable": True,
    "depends": ["vip_calendar"],
    "data": [
        "security/ir.model.access.csv",
        "security/vip_privacy_rules.xml",
        "data/mail_activity_type_data.xml",
        "views/vip_erasure_views.xml",
        "views/vip_dossier_views.xml",
        "views/vip_relative_views.xml",
        "views/vip_privacy_menus.xml",
        "wizards/vip_consent_withdrawal_wizard_views.xml",
    ],
    "demo": ["demo/vip_privacy_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "vip_privacy/static/tests/tours/*.js",
        ],
    },
}
