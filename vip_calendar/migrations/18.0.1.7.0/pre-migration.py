# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Employer watch left this addon for vip_employer_watch (installed in the same update, see vip_dossier's
18.0.1.3.0): the task type (the open tasks keep it), the daily run and the tier's frequency change owner
before this update would delete them as no longer its own."""

from odoo.addons.vip_dossier.upgrade import hand_over_records


def migrate(cr, version):
    hand_over_records(
        cr,
        "vip_calendar",
        "vip_employer_watch",
        names=(
            "mail_activity_type_site_watch",
            "ir_cron_employer_watch",
            "ir_cron_employer_watch_ir_actions_server",
            "field_vip_tier__site_watch_days",
            "field_vip_dossier__site_watch_due",
        ),
    )
    # its views of the moved fields go now, not when the update ends: the addons updated before
    # vip_employer_watch is installed would check their own views against them and fail
    cr.execute(
        """DELETE FROM ir_ui_view WHERE id IN (
               SELECT res_id FROM ir_model_data
                WHERE module = 'vip_calendar' AND model = 'ir.ui.view'
                  AND name IN ('vip_tier_view_list', 'vip_dossier_view_search_calendar'))"""
    )
    cr.execute(
        """DELETE FROM ir_model_data
            WHERE module = 'vip_calendar' AND model = 'ir.ui.view'
              AND name IN ('vip_tier_view_list', 'vip_dossier_view_search_calendar')"""
    )
