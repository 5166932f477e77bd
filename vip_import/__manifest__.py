# Copyright 2026 VIP Desk contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "VIP Desk: Operations Import",
    "summary": "Operations and income of VIP clients from the core banking system: "
    "CSV/XLSX import and a JSON-RPC path, idempotent, every rejected row reported",
    "version": "18.0.1.1.0",
    "category": "Sales/CRM",
    "website": "https://github.com/vip-desk/vip-desk",
    "author": "VIP Desk contributors",
    "maintainers": ["vip-desk"],
    "license": "LGPL-3",
    "installable": True,
    # the access policy comes first: operations and income are VIP data
    "depends": ["vip_security", "vip_job", "queue_job"],
    "external_dependencies": {"python": ["openpyxl"]},
    "data": [
        "security/vip_import_groups.xml",
        "security/ir.model.access.csv",
        "security/vip_import_rules.xml",
        "data/queue_job_data.xml",
        "views/vip_import_views.xml",
        "views/vip_import_menus.xml",
    ],
    "demo": ["demo/res_users_demo.xml", "demo/vip_import_demo.xml"],
    # loaded by vip_import_demo.xml (an import record's file), not by the manifest
    "oca_data_manual": ["demo/operations_demo.csv"],
}
