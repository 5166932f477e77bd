/** @odoo-module **/
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
//
// A VIP manager opens a client whose birthday is today: the Congratulations tab
// offers nothing to add, a reminder opens read-only (the run's state and date
// cannot be edited), and marking the greeting task done asks how it went; the
// tab shows it done at once, without reloading the page. Selectors use field
// names and classes, so the tour runs in any language and at any screen size
// (a list on desktop, cards on phones).

import { registry } from "@web/core/registry";

const TAB = ".o_field_widget[name=reminder_ids]";
const ROW = `${TAB} .o_data_row, ${TAB} .o_kanban_record:not(.o_kanban_ghost)`;

registry.category("web_tour.tours").add("vip_congratulations_tour", {
    steps: () => [
        { content: "The dossier opens", trigger: ".o_form_view .o_field_widget[name=last_name]" },
        {
            content: "Congratulations tab",
            trigger: ".o_notebook .nav-link[name=congratulations]",
            run: "click",
        },
        { content: "Today's reminder is listed", trigger: ROW },
        {
            content: "Nothing to add: the run makes reminders",
            trigger: `${TAB}:not(:has(.o-kanban-button-new)):not(:has(.o_field_x2many_list_row_add))`,
        },
        {
            content: "Open the reminder",
            trigger: `${TAB} .o_data_row td[name=occurrence_date], ${TAB} .o_kanban_record:not(.o_kanban_ghost)`,
            run: "click",
        },
        {
            content: "It opens read-only: neither its state nor its date can be changed",
            trigger:
                ".modal .o_form_view .o_field_widget[name=occurrence_date]:not(:has(input))",
        },
        {
            trigger: ".modal .o_form_view:not(:has(.o_field_widget[name=state] select)):not(:has(.o_statusbar_status button:enabled))",
        },
        { content: "Close it", trigger: ".modal .o_form_button_cancel", run: "click" },
        { content: "It is to do", trigger: `body:not(:has(.modal)) ${TAB} [name=status] .text-bg-info` },
        {
            content: "Mark the greeting task done from the chatter",
            trigger: "body:not(:has(.modal)) .o-mail-Activity .o-mail-Activity-markDone",
            run: "click",
        },
        {
            content: "It asks how it went: could not reach the client",
            trigger: ".modal .o_field_widget[name=outcome] input[data-value=unreachable]",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=note] textarea",
            run: "edit Не ответил на звонок",
        },
        { content: "Done", trigger: ".modal .o_vip_outcome_confirm:visible", run: "click" },
        {
            content: "The task is gone from the chatter",
            trigger: "body:not(:has(.modal)) .o-mail-Chatter:not(:has(.o-mail-Activity))",
        },
        {
            content: "The tab shows the reminder done at once",
            trigger: `${TAB} [name=status] .text-bg-success`,
        },
        {
            content: "One interaction written with it",
            trigger: ".o-mail-Message:contains(Не ответил на звонок)",
        },
    ],
});

// An ordinary task marked done from the chatter: its feedback popover opens
// inside the screen, on a phone too (it opened half off the screen, #16).
registry.category("web_tour.tours").add("vip_mark_done_popover_tour", {
    steps: () => [
        {
            content: "The plain task in the chatter",
            trigger: ".o-mail-Activity:contains(Plain task) .o-mail-Activity-markDone",
            run: "click",
        },
        {
            content: "Its popover lies inside the screen",
            trigger: ".o-mail-ActivityMarkAsDone",
            run() {
                const rect = document.querySelector(".o-mail-ActivityMarkAsDone").getBoundingClientRect();
                if (rect.left < 0 || rect.right > window.innerWidth + 1) {
                    throw new Error(`the popover is off the screen: ${rect.left}–${rect.right} of ${window.innerWidth}`);
                }
            },
        },
    ],
});
