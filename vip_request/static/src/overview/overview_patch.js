/** @odoo-module **/
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { patch } from "@web/core/utils/patch";
import { VipOverview } from "@vip_analytics/overview/overview";

patch(VipOverview.prototype, {
    async openOverdueRequests(manager) {
        // the manager's overdue requests, read with the user's rights
        const action = await this.orm.call("vip.overview", "action_overdue_requests", [manager.id]);
        this.action.doAction(action);
    },
});
