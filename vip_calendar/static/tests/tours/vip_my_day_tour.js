/** @odoo-module **/
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
//
// A manager logs in and lands on My Day: a late task with its script, today's
// congratulation, this week's date; both tasks are done from there. Selectors
// use classes and the tour's own data, so it runs in any language and size.

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("vip_my_day_tour", {
    url: "/odoo",
    steps: () => [
        {
            content: "The manager lands on My Day, with the late task",
            trigger: ".o_vip_my_day .o_vip_card_late .o_vip_task:contains(Call about the deposit)",
        },
        {
            content: "The task opens its script",
            trigger: ".o_vip_card_late .o_vip_task:contains(Call about the deposit) .o_vip_task_client",
            run: "click",
        },
        { content: "The script", trigger: ".o_vip_card_late .o_vip_script:contains(Offer the new rate)" },
        { content: "Today's congratulation", trigger: ".o_vip_card_today .o_vip_task:contains(Tour Client)" },
        { content: "This week's date", trigger: ".o_vip_card_week .o_vip_week_date:contains(Tour Client)" },
        {
            content: "The late task is done",
            trigger: ".o_vip_card_late .o_vip_task:contains(Call about the deposit) .o_vip_done",
            run: "click",
        },
        {
            content: "and leaves the list",
            trigger: ".o_vip_card_late:not(:has(.o_vip_task:contains(Call about the deposit)))",
        },
        {
            content: "The congratulation asks how it went",
            trigger: ".o_vip_card_today .o_vip_task:contains(Tour Client) .o_vip_done",
            run: "click",
        },
        {
            content: "Congratulated (the default outcome): confirm",
            trigger: ".modal footer button.o_vip_outcome_confirm:visible",
            run: "click",
        },
        { content: "Nothing left for today", trigger: ".o_vip_card_today:not(:has(.o_vip_task))" },
    ],
});
