# Copyright 2026 VIP Desk contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "VIP Desk: Progress of Long Work",
    "summary": "The progress of background imports and exports, shown while they run, committed apart from "
    "the work's own transaction",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/vip-desk/vip-desk",
    "author": "VIP Desk contributors",
    "maintainers": ["vip-desk"],
    "license": "LGPL-3",
    "installable": True,
    # no VIP data here: a mixin that the import (vip_import) and the exports (vip_analytics) share
    "depends": ["base"],
}
