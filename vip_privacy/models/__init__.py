from . import vip_access_log
from . import vip_erasure
from . import vip_dossier
from . import vip_relative
from . import vip_kept_relative_guard
from . import vip_interaction
from . import vip_key_date
