# Copyright 2026 VIP Desk contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "VIP Desk: Security",
    "summary": "Only a client's own managers and top management can read a VIP client: "
    "access lists, row rules, field protection, access log, handover, break-glass",
    "version": "18.0.1.5.0",
    "category": "Sales/CRM",
    "website": "https://github.com/vip-desk/vip-desk",
    "author": "VIP Desk contributors",
    "maintainers": ["vip-desk"],
    "license": "LGPL-3",
    "installable": True,
    # Installed together with the dossier, always: vip_dossier ships no access
    # list, so until this module is there nobody but the superuser reads VIP data.
    "auto_install": True,
    "depends": ["vip_dossier"],
    "data": [
        "security/vip_security_groups.xml",
        "security/ir.model.access.csv",
        "security/vip_security_rules.xml",
        "data/ir_cron_data.xml",
        "views/vip_access_log_views.xml",
        "views/vip_access_grant_views.xml",
        "views/vip_branch_views.xml",
        "views/vip_dossier_views.xml",
        "wizards/vip_handover_wizard_views.xml",
        "wizards/vip_emergency_wizard_views.xml",
        "views/vip_security_menus.xml",
    ],
    "demo": ["demo/vip_branch_demo.xml"],
    "post_init_hook": "post_init_hook",
}
