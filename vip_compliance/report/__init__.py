from . import vip_gift_taxable_xlsx
