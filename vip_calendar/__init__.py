from . import models
from . import wizards
from . import demo


def post_init_hook(env):
    """Key dates of the dossiers that existed before this module."""
    env["vip.dossier"].with_context(active_test=False).search([])._sync_key_dates()
    # the managers who existed before: their home is My Day
    env.ref("vip_dossier.group_vip_manager").users._vip_set_home()
