from . import vip_tier
from . import vip_employer_finding
from . import vip_dossier
