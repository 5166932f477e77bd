from . import vip_xlsx_common
from . import vip_dossier_xlsx
from . import vip_portfolio_xlsx
from . import vip_operations_xlsx
