from . import test_vip_erasure
from . import test_vip_erasure_access
from . import test_ui
from . import test_vip_erasure_kept
