# Copyright 2026 VIP Desk contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "VIP Desk: Analysis",
    "summary": "Income analytics, the managers' portfolio ranking, the management overview, "
    "and XLSX exports of a dossier, a portfolio and large operation lists",
    "version": "18.0.1.1.0",
    "category": "Sales/CRM",
    "website": "https://github.com/vip-desk/vip-desk",
    "author": "VIP Desk contributors",
    "maintainers": ["vip-desk"],
    "license": "LGPL-3",
    "installable": True,
    # key dates and tasks feed the overview; the access policy comes with them
    "depends": ["vip_calendar", "vip_task_control", "vip_job", "report_xlsx", "queue_job"],
    "data": [
        "security/ir.model.access.csv",
        "security/vip_analytics_rules.xml",
        "data/queue_job_data.xml",
        "report/vip_reports.xml",
        "views/vip_dossier_views.xml",
        "views/vip_manager_portfolio_views.xml",
        "views/vip_export_views.xml",
        "views/vip_overview_views.xml",
        "views/vip_analytics_menus.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "vip_analytics/static/src/overview/*",
        ],
        "web.assets_tests": [
            "vip_analytics/static/tests/tours/*.js",
        ],
    },
}
