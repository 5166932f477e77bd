from . import test_vip_person_consent_mixins
from . import test_vip_dossier
from . import test_vip_family
from . import test_vip_money
from . import test_vip_input
from . import test_vip_demo
from . import test_ui
from . import test_vip_fuzz
