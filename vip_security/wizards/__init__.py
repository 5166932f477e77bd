from . import vip_handover_wizard
from . import vip_emergency_wizard
