/** @odoo-module **/
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
//
// A manager flags a relative deceased and finds the condolence task on My Day; then puts the client in
// mourning and sees the do-not-disturb banner on the client's form. Selectors use classes, field names
// and the tour's own data, so it runs in any language and size.

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("vip_deceased_relative_tour", {
    steps: () => [
        {
            content: "Flag the relative deceased",
            trigger: ".o_form_view .o_field_widget[name=is_deceased] input",
            run: "click",
        },
        { content: "Save", trigger: ".o_form_button_save", run: "click" },
        { content: "The form shows the mark", trigger: ".o_form_saved .o_vip_deceased_mark:visible" },
        { content: "Go to My Day", trigger: ".o_form_saved", run: "goToUrl /odoo/action-vip_calendar.vip_my_day_action" },
        {
            content: "The condolence task is today's",
            trigger: ".o_vip_my_day .o_vip_card_today .o_vip_task:contains(Tour Wife)",
        },
    ],
});

registry.category("web_tour.tours").add("vip_quiet_period_tour", {
    steps: () => [
        { content: "No banner yet", trigger: ".o_form_view:not(:has(.o_vip_quiet_banner:visible))" },
        {
            content: "The client is in mourning: do not disturb",
            trigger: ".o_form_view button[name=action_new_quiet_period]",
            run: "click",
        },
        { content: "Mourning is the default reason", trigger: ".modal .o_field_widget[name=reason] select" },
        { content: "Save the period", trigger: ".modal .o_form_button_save", run: "click" },
        { content: "The banner", trigger: ".o_form_view .o_vip_quiet_banner:visible" },
    ],
});
