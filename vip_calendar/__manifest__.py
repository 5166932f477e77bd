# Copyright 2026 VIP Desk contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "VIP Desk: Key Dates",
    "summary": "Birthdays, anniversaries and professional holidays of VIP clients turned into "
    "reminders and private calendar events for the right manager, ahead of time",
    "version": "18.0.1.7.0",
    "category": "Sales/CRM",
    "website": "https://github.com/vip-desk/vip-desk",
    "author": "VIP Desk contributors",
    "maintainers": ["vip-desk"],
    "license": "LGPL-3",
    "installable": True,
    # the access policy comes first: key dates are VIP data
    "depends": ["vip_security", "vip_task_control", "calendar", "sms"],
    "post_init_hook": "post_init_hook",
    "data": [
        "security/ir.model.access.csv",
        "security/vip_calendar_rules.xml",
        "data/mail_activity_type_data.xml",
        "data/vip_key_date_type_data.xml",
        "data/vip_professional_holiday_data.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "views/vip_key_date_views.xml",
        "views/vip_key_date_reminder_views.xml",
        "views/vip_professional_holiday_views.xml",
        "views/vip_key_date_type_views.xml",
        "views/vip_dossier_views.xml",
        "views/res_users_views.xml",
        "views/res_company_views.xml",
        "views/vip_my_day_views.xml",
        "views/vip_quiet_period_views.xml",
        "views/vip_calendar_menus.xml",
        "wizards/vip_handover_wizard_views.xml",
        "wizards/vip_key_date_outcome_wizard_views.xml",
    ],
    "demo": ["demo/vip_calendar_demo.xml"],
    "assets": {
        "web.assets_backend": [
            "vip_calendar/static/src/**/*",
        ],
        "web.assets_tests": [
            "vip_calendar/static/tests/tours/*.js",
        ],
    },
}
