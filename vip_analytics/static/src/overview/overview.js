/** @odoo-module **/
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { Component, onWillStart, useState } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";

/**
 * The management overview: one screen for top management, from one server
 * call (vip.overview.get_overview) that reads everything with the user's
 * rights. Cards stack on a phone; every figure opens the records behind it.
 */
export class VipOverview extends Component {
    static template = "vip_analytics.Overview";
    static props = ["*"];

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.state = useState({ data: null, loading: true });
        onWillStart(() => this.load());
    }

    async load() {
        this.state.loading = true;
        this.state.data = await this.orm.call("vip.overview", "get_overview", []);
        this.state.loading = false;
    }

    openDossier(id) {
        this.action.doAction({
            type: "ir.actions.act_window",
            res_model: "vip.dossier",
            res_id: id,
            views: [[false, "form"]],
        });
    }

    openList(name, model, domain, context = {}) {
        this.action.doAction({
            type: "ir.actions.act_window",
            name,
            res_model: model,
            domain,
            context,
            views: [
                [false, "list"],
                [false, "form"],
            ],
        });
    }

    openClients(manager) {
        this.openList(_t("Clients of %s", manager.name), "vip.dossier", [["user_id", "=", manager.id || false]]);
    }

    openIncomplete() {
        this.openList(_t("Incomplete dossiers"), "vip.dossier", [["is_incomplete", "=", true]]);
    }

    async openOverdue(manager) {
        // the task control: what top management may do with a task (comment, reassign, escalate)
        const action = await this.orm.call("vip.overview", "action_overdue_tasks", [manager.id]);
        this.action.doAction(action);
    }

    openKeyDates() {
        const today = luxon.DateTime.local();
        this.openList(_t("Key dates this week"), "vip.key.date", [
            ["next_date", ">=", today.toISODate()],
            ["next_date", "<=", today.plus({ days: 6 }).toISODate()],
        ]);
    }

    openIncome() {
        this.action.doAction("vip_dossier.vip_income_action");
    }

    openAccessLog() {
        this.action.doAction("vip_security.vip_access_log_action");
    }
}

registry.category("actions").add("vip_analytics.overview", VipOverview);
