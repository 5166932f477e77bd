/** @odoo-module **/
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { Component, markup, onWillStart, useState } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";

/**
 * A manager's day: late and today's tasks with their scripts, this week's key
 * dates, the clients not contacted for long. One server call
 * (vip.my.day.get_my_day), read with the manager's rights; cards stack on a phone.
 */
export class VipMyDay extends Component {
    static template = "vip_calendar.MyDay";
    static props = ["*"];

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.state = useState({ data: null, loading: true, open: {} });
        onWillStart(() => this.load());
    }

    async load() {
        this.state.loading = true;
        const data = await this.orm.call("vip.my.day", "get_my_day", []);
        for (const task of [...data.late, ...data.due_today]) {
            // the task's note: HTML sanitised by the server when the task was written
            task.script = markup(task.script);
        }
        this.state.data = data;
        this.state.loading = false;
    }

    toggle(task) {
        this.state.open[task.id] = !this.state.open[task.id];
    }

    openDossier(id) {
        this.action.doAction({
            type: "ir.actions.act_window",
            res_model: "vip.dossier",
            res_id: id,
            views: [[false, "form"]],
        });
    }

    async markDone(task) {
        if (task.greeting) {
            // a congratulation asks how it went (the outcome wizard)
            const action = await this.orm.call("mail.activity", "action_vip_record_outcome", [[task.id]]);
            await this.action.doAction(action, { onClose: () => this.load() });
        } else {
            await this.orm.call("mail.activity", "action_feedback", [[task.id]]);
            await this.load();
        }
    }
}

registry.category("actions").add("vip_calendar.my_day", VipMyDay);
