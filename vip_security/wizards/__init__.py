from . import vip_handover_wizard
from . import vip_emergency_wizard
from . import base_partner_merge
