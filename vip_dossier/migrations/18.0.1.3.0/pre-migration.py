# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Employer watch left this addon for vip_employer_watch: the findings model, the dossier's last-check
date and its history change owner before this update would delete them as no longer its own (the
tables, columns and findings stay), and vip_employer_watch is installed in the same update."""

from odoo.addons.vip_dossier.upgrade import hand_over_records


def migrate(cr, version):
    hand_over_records(
        cr,
        "vip_dossier",
        "vip_employer_watch",
        names=(
            "model_vip_employer_finding",
            "vip_employer_finding_view_form",
            "field_vip_dossier__employer_site_checked_date",
            "field_vip_dossier__employer_finding_ids",
            # a database from before the history: its old note column waits for the new addon's hook
            "field_vip_dossier__employer_site_note",
        ),
        prefixes=("field_vip_employer_finding__", "selection__vip_employer_finding__"),
    )
    # the routine tasks it builds on are vip_calendar's: without it, the findings wait for it; with
    # demo data where vip_calendar has them (its demo leaves a client's history alone)
    cr.execute(
        """UPDATE ir_module_module m SET state = 'to install', demo = c.demo
             FROM ir_module_module c
            WHERE m.name = 'vip_employer_watch' AND m.state = 'uninstalled'
              AND c.name = 'vip_calendar' AND c.state IN ('installed', 'to upgrade')"""
    )
