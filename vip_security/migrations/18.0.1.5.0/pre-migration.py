# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Task control left this addon for vip_task_control, and the rights and rules of employer findings for
vip_employer_watch: their records change owner before this addon's update would delete them as no
longer its own (the escalation columns and their values stay). vip_task_control is installed in the
same update, as vip_calendar now depends on it; vip_employer_watch too (see vip_dossier's 18.0.1.3.0)."""

MOVED = (
    "model_vip_task_control_wizard",
    "access_vip_task_control_wizard_supervisor",
    "vip_task_control_wizard_view_form",
    "vip_activity_view_list",
    "vip_activity_view_kanban",
    "vip_activity_view_form",
    "vip_activity_view_search",
    "vip_activity_action",
    "vip_activity_menu",
    "field_mail_activity__vip_escalated_on",
    "field_mail_activity__vip_escalated_by_id",
)


def migrate(cr, version):
    cr.execute(
        """UPDATE ir_model_data SET module = 'vip_task_control'
            WHERE module = 'vip_security'
              AND (name = ANY(%s) OR name LIKE 'field\\_vip\\_task\\_control\\_wizard\\_\\_%%'
                   OR name LIKE 'selection\\_\\_vip\\_task\\_control\\_wizard\\_\\_%%')""",
        (list(MOVED),),
    )
    cr.execute(
        """UPDATE ir_model_data SET module = 'vip_employer_watch'
            WHERE module = 'vip_security'
              AND (name LIKE 'access\\_vip\\_employer\\_finding\\_%'
                   OR name LIKE 'vip\\_employer\\_finding\\_rule\\_%')"""
    )
