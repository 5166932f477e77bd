/** @odoo-module **/
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
//
// Top management opens the overview, reads each card and goes from a key date
// of this week to the client's dossier. Selectors use classes and names, so
// the tour runs in any language and at any screen size.

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("vip_overview_tour", {
    url: "/odoo/vip-overview",
    steps: () => [
        { content: "The overview opens", trigger: ".o_vip_overview .o_vip_card_clients" },
        {
            content: "Clients per manager: the tour manager has a client",
            trigger: ".o_vip_card_clients .o_vip_manager_row:contains(Tour Manager)",
        },
        { content: "Income this year vs last", trigger: ".o_vip_card_income .o_vip_income_this" },
        { content: "Overdue tasks per manager", trigger: ".o_vip_card_overdue .o_vip_overdue:contains(Tour Manager)" },
        { content: "Dossiers with low completeness", trigger: ".o_vip_card_incomplete" },
        { content: "Recent accesses", trigger: ".o_vip_card_accesses" },
        {
            content: "A key date of this week opens its client",
            trigger: ".o_vip_card_key_dates .o_vip_key_date:contains(Tour Client)",
            run: "click",
        },
        { content: "The client's dossier is open", trigger: ".o_form_view .o_field_widget[name=name]:contains(Tour Client)" },
        {
            content: "Its income tab shows the twelve-month trend",
            trigger: ".o_notebook .nav-link[name=income], .o_notebook_headers a[name=income]",
            run: "click",
        },
        { content: "Twelve bars", trigger: ".o_field_widget[name=income_trend] svg.o_vip_income_trend rect:nth-of-type(12)" },
    ],
});

// From a manager's overdue tasks to what top management may do with one:
// escalate it (no Done, Cancel or Snooze, which would end in an access error).
registry.category("web_tour.tours").add("vip_overview_overdue_tour", {
    url: "/odoo/vip-overview",
    steps: () => [
        {
            content: "The tour manager's overdue tasks",
            trigger: ".o_vip_card_overdue .o_vip_overdue:contains(Tour Manager)",
            run: "click",
        },
        {
            content: "The task on the tour client (a row on a desktop, a card on a phone)",
            trigger: ".o_data_row:contains(Tour Client) td[name=res_name], .o_kanban_record:contains(Tour Client)",
            run: "click",
        },
        {
            content: "The task opens with what top management may do, and nothing to complete it",
            trigger: ".o_form_view .o_vip_task_actions:not(:has(button[name=action_done], button[name=action_feedback]))",
        },
        {
            content: "Escalate",
            trigger: ".o_vip_task_actions button[name=action_vip_escalate]:visible",
            run: "click",
        },
        {
            content: "Say what the manager should do",
            trigger: ".modal .o_field_widget[name=note] textarea",
            run: "edit Call the client today",
        },
        {
            content: "Confirm",
            trigger: ".modal footer button[name=action_confirm]:visible",
            run: "click",
        },
        {
            content: "The task is marked escalated",
            trigger: ".o_form_view .ribbon:visible, .o_form_view .o_widget_web_ribbon:visible",
        },
    ],
});

// A branch head's overview: the branch's manager and client, nothing of another branch's.
registry.category("web_tour.tours").add("vip_overview_branch_tour", {
    url: "/odoo/vip-overview",
    steps: () => [
        {
            content: "The branch's manager has a client, the other branch's manager is not there",
            trigger:
                ".o_vip_card_clients:has(.o_vip_manager_row:contains(Tour Manager)):not(:has(.o_vip_manager_row:contains(Other Branch Manager)))",
        },
        {
            content: "Overdue tasks: the branch's only",
            trigger:
                ".o_vip_card_overdue:has(.o_vip_overdue:contains(Tour Manager)):not(:has(.o_vip_overdue:contains(Other Branch Manager)))",
        },
        {
            content: "The other branch's client is nowhere",
            trigger: ".o_vip_overview:not(:has(:contains(Other Branch Client)))",
        },
        {
            content: "A key date of this week opens the branch's client",
            trigger: ".o_vip_card_key_dates .o_vip_key_date:contains(Tour Client)",
            run: "click",
        },
        { content: "The client's dossier is open", trigger: ".o_form_view .o_field_widget[name=name]:contains(Tour Client)" },
    ],
});
