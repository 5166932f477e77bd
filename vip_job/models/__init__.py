from . import vip_progress_mixin
