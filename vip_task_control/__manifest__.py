# Copyright 2026 VIP Desk contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "VIP Desk: Task Control",
    "summary": "Top management's control of the managers' tasks on VIP clients: every open task, late ones "
    "first; comment, reassign to the client's other manager, escalate",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/vip-desk/vip-desk",
    "author": "VIP Desk contributors",
    "maintainers": ["vip-desk"],
    "license": "LGPL-3",
    "installable": True,
    # who reads which task is vip_security's; this addon adds what top management does with one
    "depends": ["vip_security"],
    "data": [
        "security/ir.model.access.csv",
        "views/mail_activity_views.xml",
        "wizards/vip_task_control_wizard_views.xml",
        "views/vip_task_control_menus.xml",
    ],
}
