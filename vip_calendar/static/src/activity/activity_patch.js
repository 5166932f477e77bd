/** @odoo-module **/
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
//
// A key-date greeting is marked done by saying how it went: "Mark Done" opens
// the outcome wizard (outcome, note, new date) instead of the plain feedback
// popover, in the chatter and in the activity popovers of lists, kanbans and the
// activity view. Other tasks keep the standard flow.

import { Activity } from "@mail/core/web/activity";
import { ActivityListPopoverItem } from "@mail/core/web/activity_list_popover_item";
import { ActivityMarkAsDone } from "@mail/core/web/activity_markasdone_popover";
import { usePopover } from "@web/core/popover/popover_hook";
import { patch } from "@web/core/utils/patch";

async function openOutcomeWizard(component, onClose) {
    const action = await component.env.services.orm.call(
        "mail.activity",
        "action_vip_record_outcome",
        [[component.props.activity.id]]
    );
    await component.env.services.action.doAction(action, { onClose });
}

patch(Activity.prototype, {
    setup() {
        super.setup(...arguments);
        if (this.env.isSmall) {
            // on a phone, right of the button leaves the popover half off the screen: below it
            this.markDonePopover = usePopover(ActivityMarkAsDone, { position: "bottom" });
        }
    },

    async onClickMarkAsDone(ev) {
        if (!this.props.activity.vip_greeting_task) {
            return super.onClickMarkAsDone(ev);
        }
        const thread = this.thread;
        await openOutcomeWizard(this, async () => {
            this.props.onActivityChanged(thread);
            // the dossier's Congratulations tab shows the outcome at once
            await this.props.reloadParentView();
        });
    },
});

patch(ActivityListPopoverItem.prototype, {
    onClickMarkAsDone() {
        if (!this.props.activity.vip_greeting_task) {
            return super.onClickMarkAsDone();
        }
        return openOutcomeWizard(this, () => this.props.onActivityChanged?.());
    },
});
