from . import vip_dossier
from . import vip_operation
from . import vip_manager_portfolio
from . import vip_export
from . import vip_overview
from . import vip_access_log
