from . import test_vip_import
from . import test_vip_import_input
from . import test_vip_import_insider
from . import test_vip_import_fuzz
