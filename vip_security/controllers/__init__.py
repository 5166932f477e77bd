from . import attachment
from . import thread
