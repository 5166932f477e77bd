from . import test_vip_import
