# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """The managers' home is My Day (18.0.1.5.0), unless a home action is set already."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    env.ref("vip_dossier.group_vip_manager").users._vip_set_home()
