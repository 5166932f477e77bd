from . import test_vip_module_graph
from . import test_vip_access_matrix
from . import test_vip_channels
from . import test_vip_access_log
from . import test_vip_handover
from . import test_vip_emergency
from . import test_vip_insider
from . import test_vip_branch
