from . import vip_demo
