from . import vip_access_log
from . import vip_access_grant
from . import vip_dossier
from . import vip_operation
from . import vip_income
from . import mail_followers
from . import mail_activity
from . import res_users
