from . import vip_request_area
from . import vip_request
from . import vip_dossier
from . import vip_overview
