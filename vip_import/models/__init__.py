from . import vip_import
from . import vip_import_rejection
from . import vip_imported
