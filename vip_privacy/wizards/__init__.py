from . import vip_consent_withdrawal_wizard
