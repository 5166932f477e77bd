from . import test_vip_employer_finding
from . import test_vip_employer_finding_access
from . import test_vip_employer_finding_input
from . import test_vip_employer_watch
from . import test_vip_demo
