# Copyright 2026 VIP Desk contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "VIP Desk: Employer Watch",
    "summary": "A task to look at a VIP client's employer's web site as often as the client's tier says, "
    "and the history of what each look found, worth a call or not",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/vip-desk/vip-desk",
    "author": "VIP Desk contributors",
    "maintainers": ["vip-desk"],
    "license": "LGPL-3",
    "installable": True,
    # the routine tasks of the desk (the responsible manager, do-not-disturb periods) are vip_calendar's
    "depends": ["vip_calendar"],
    "post_init_hook": "post_init_hook",
    "data": [
        "security/ir.model.access.csv",
        "security/vip_employer_watch_rules.xml",
        "data/vip_employer_watch_data.xml",
        "views/vip_employer_finding_views.xml",
        "views/vip_dossier_views.xml",
    ],
    "demo": ["demo/vip_employer_watch_demo.xml"],
}
