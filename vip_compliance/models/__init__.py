from . import vip_public_office_mixin
from . import res_company
from . import vip_dossier
from . import vip_relative
from . import vip_gift
from . import vip_gift_budget
from . import vip_gift_recipient_year
