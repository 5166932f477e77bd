from . import vip_gift_decision_wizard
