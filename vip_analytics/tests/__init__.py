from . import test_vip_xlsx
from . import test_vip_income_analytics
from . import test_vip_overview
from . import test_ui
from . import test_vip_workbook_names
