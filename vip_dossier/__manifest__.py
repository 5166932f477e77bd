# Copyright 2026 VIP Desk contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "VIP Desk: Client Dossier",
    "summary": "Detailed dossier of private-banking clients: family, preferences, "
    "employer, interactions, operations and income",
    "version": "18.0.1.3.0",
    "category": "Sales/CRM",
    "website": "https://github.com/vip-desk/vip-desk",
    "author": "VIP Desk contributors",
    "maintainers": ["vip-desk"],
    "license": "LGPL-3",
    "application": True,
    "installable": True,
    "depends": ["mail", "contacts"],
    "data": [
        "security/vip_dossier_groups.xml",
        "data/vip_tier_data.xml",
        "data/vip_relation_type_data.xml",
        "data/vip_preference_category_data.xml",
        "data/mail_message_subtype_data.xml",
        "views/vip_dossier_views.xml",
        "views/vip_relative_views.xml",
        "views/vip_preference_views.xml",
        "views/vip_trusted_person_views.xml",
        "views/vip_interaction_views.xml",
        "views/vip_operation_views.xml",
        "views/vip_income_views.xml",
        "views/vip_config_views.xml",
        "views/res_partner_views.xml",
        "views/vip_menus.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/vip_dossier_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "vip_dossier/static/tests/tours/*.js",
        ],
    },
}
