from . import test_vip_request
from . import test_vip_request_access
from . import test_ui
