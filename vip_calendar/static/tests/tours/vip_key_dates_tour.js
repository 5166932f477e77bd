/** @odoo-module **/
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
//
// A VIP manager looks at the coming key dates on the calendar, then at the
// tasks of their clients in the activity view. Selectors use classes and the
// client's name, so the tours run in any language and at any screen size.

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("vip_key_dates_calendar_tour", {
    url: "/odoo/action-vip_calendar.vip_key_date_action",
    steps: () => [
        { content: "The calendar of key dates opens", trigger: ".o_calendar_view .o_calendar_renderer" },
        {
            content: "Today's birthday is on it",
            trigger: ".o_calendar_renderer .fc-event:contains(Tour Client), .o_calendar_renderer .o_event:contains(Tour Client)",
            run: "click",
        },
        { content: "Its details show the client", trigger: ".o_popover :contains(Tour Client), .modal :contains(Tour Client)" },
    ],
});

registry.category("web_tour.tours").add("vip_dossier_activity_tour", {
    url: "/odoo/action-vip_dossier.vip_dossier_action?view_type=activity",
    steps: () => [
        {
            content: "Phones open the cards: switch to the activity view",
            isActive: ["mobile"],
            trigger: ".o_control_panel .o_cp_switch_buttons button.btn-secondary",
            run: "click",
        },
        {
            content: "Activity view",
            isActive: ["mobile"],
            trigger: ".o-dropdown-item:has(.fa-clock-o)",
            run: "click",
        },
        { content: "The activity view of the clients opens", trigger: ".o_activity_view" },
        { content: "The client with a key-date task is listed", trigger: ".o_activity_view :contains(Tour Client)" },
        {
            content: "Its greeting task is there",
            trigger: ".o_activity_view .o_activity_summary_cell:not(.o_activity_empty_cell)",
        },
    ],
});
