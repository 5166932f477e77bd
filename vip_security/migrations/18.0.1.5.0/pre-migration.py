# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Task control left this addon for vip_task_control, and the rights and rules of employer findings for
vip_employer_watch: their records change owner before this addon's update would delete them as no
longer its own (the escalation columns and their values stay). vip_task_control is installed in the
same update (vip_calendar depends on it too); vip_employer_watch where vip_calendar is (see
vip_dossier's 18.0.1.3.0)."""

from odoo.addons.vip_dossier.upgrade import hand_over_records


def migrate(cr, version):
    hand_over_records(
        cr,
        "vip_security",
        "vip_task_control",
        names=(
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
        ),
        prefixes=("field_vip_task_control_wizard__", "selection__vip_task_control_wizard__"),
    )
    cr.execute(
        """UPDATE ir_module_module m SET state = 'to install', demo = s.demo
             FROM ir_module_module s
            WHERE m.name = 'vip_task_control' AND m.state = 'uninstalled' AND s.name = 'vip_security'"""
    )
    hand_over_records(
        cr,
        "vip_security",
        "vip_employer_watch",
        prefixes=("access_vip_employer_finding_", "vip_employer_finding_rule_"),
    )
