# The demo data generator: demo code, kept out of the production models (models/).
from . import vip_demo
