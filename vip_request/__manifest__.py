# Copyright 2026 VIP Desk contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "VIP Desk: Client Requests",
    "summary": "Questions a VIP manager cannot answer at once: routed to an expert with a promised date, "
    "chased, answered, and the answer given to the client",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/vip-desk/vip-desk",
    "author": "VIP Desk contributors",
    "maintainers": ["vip-desk"],
    "license": "LGPL-3",
    "installable": True,
    # the management overview shows the overdue requests per manager
    "depends": ["vip_analytics"],
    "data": [
        "security/ir.model.access.csv",
        "security/vip_request_rules.xml",
        "data/mail_activity_type_data.xml",
        "data/vip_request_area_data.xml",
        "views/vip_request_views.xml",
        "views/vip_request_area_views.xml",
        "views/vip_dossier_views.xml",
        "views/vip_request_menus.xml",
    ],
    "demo": ["demo/vip_request_demo.xml"],
    "assets": {
        "web.assets_backend": [
            "vip_request/static/src/**/*",
        ],
        "web.assets_tests": [
            "vip_request/static/tests/tours/*.js",
        ],
    },
}
