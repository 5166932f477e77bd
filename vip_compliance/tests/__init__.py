from . import test_vip_public_office
from . import test_vip_gift_rules
from . import test_vip_gift_access
from . import test_vip_gift_export
from . import test_ui
from . import test_vip_relative_retention
