from . import vip_handover_wizard
from . import vip_key_date_outcome_wizard
