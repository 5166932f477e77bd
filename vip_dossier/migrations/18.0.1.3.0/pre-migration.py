# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Employer watch left this addon for vip_employer_watch: the findings model, the dossier's last-check
date and its history change owner before this update would delete them as no longer its own (the
tables, columns and findings stay), and vip_employer_watch is installed in the same update."""

MOVED = (
    "model_vip_employer_finding",
    "vip_employer_finding_view_form",
    "field_vip_dossier__employer_site_checked_date",
    "field_vip_dossier__employer_finding_ids",
)


def migrate(cr, version):
    cr.execute(
        """UPDATE ir_model_data SET module = 'vip_employer_watch'
            WHERE module = 'vip_dossier'
              AND (name = ANY(%s) OR name LIKE 'field\\_vip\\_employer\\_finding\\_\\_%%'
                   OR name LIKE 'selection\\_\\_vip\\_employer\\_finding\\_\\_%%')""",
        (list(MOVED),),
    )
    # the routine tasks it builds on are vip_calendar's: without it, the findings wait for it; with
    # demo data where vip_calendar has them (its findings came with this addon's, they stay)
    cr.execute(
        """UPDATE ir_module_module m SET state = 'to install', demo = c.demo
             FROM ir_module_module c
            WHERE m.name = 'vip_employer_watch' AND m.state = 'uninstalled'
              AND c.name = 'vip_calendar' AND c.state IN ('installed', 'to upgrade')"""
    )
