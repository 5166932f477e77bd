# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


def post_init_hook(env):
    """Clients created before the policy was installed (the dossier's demo data): their cards' readers."""
    env["vip.dossier"]._vip_sync_all_card_readers()
