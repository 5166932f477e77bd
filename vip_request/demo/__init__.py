# The demo data: demo code, kept out of the production models (models/).
from . import vip_demo
