from . import test_vip_professional_holiday
from . import test_vip_key_date_sync
from . import test_vip_key_date_cron
from . import test_vip_digest
from . import test_vip_sms_policy
from . import test_ui
from . import test_vip_employer_watch
from . import test_vip_key_date_input
