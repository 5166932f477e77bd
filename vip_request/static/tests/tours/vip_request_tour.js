/** @odoo-module **/
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
//
// A VIP manager logs a client's question, sends it to an expert, records the
// expert's answer and finds the follow-up task on the request. Selectors use
// field names and classes, so the tour runs in any language and at any screen
// size (on a phone the requests are cards and the header buttons sit in the
// gear menu).

import { registry } from "@web/core/registry";

function headerButton(name, content) {
    return [
        {
            content: "Phones: the header's buttons are in the gear menu",
            isActive: ["mobile"],
            trigger: ".o_control_panel .o_cp_action_menus button:has(.fa-cog)",
            run: "click",
        },
        {
            content,
            trigger: `.o_form_view .o_statusbar_buttons button.${name}, .o-dropdown--menu button.${name}`,
            run: "click",
        },
    ];
}

function pick(field, text) {
    return [
        { trigger: `.o_field_widget[name=${field}] input`, run: `edit ${text}` },
        {
            content: `Pick ${text}`,
            isActive: ["desktop"],
            trigger: `.o-autocomplete--dropdown-menu .o-autocomplete--dropdown-item a:contains(${text})`,
            run: "click",
        },
        {
            content: `Pick ${text}, phone`,
            isActive: ["mobile"],
            trigger: `.o-autocomplete--dropdown-menu .o-autocomplete--dropdown-item a:contains(${text}), .modal .o_kanban_record:contains(${text}), .modal .o_data_row:contains(${text}) .o_data_cell:first`,
            run: "click",
        },
        { trigger: `.o_field_widget[name=${field}] input:value(${text})` },
    ];
}

registry.category("web_tour.tours").add("vip_request_tour", {
    steps: () => [
        {
            content: "Log a new request",
            trigger: ".o_control_panel button.o_list_button_add, .o_control_panel button.o-kanban-button-new",
            run: "click",
        },
        { trigger: ".o_field_widget[name=name] input", run: "edit Вычет по ИИС" },
        ...pick("dossier_id", "Tour Client"),
        ...pick("area_id", "Tour Taxes"),
        {
            content: "The area's expert and the promised date are filled in",
            trigger:
                ".o_field_widget[name=expert_id] input:value(Tour Expert), .o_field_widget[name=expert_id]:contains(Tour Expert)",
        },
        { trigger: ".o_field_widget[name=due_date] input:not(:value(''))" },
        {
            trigger: ".o_field_widget[name=question] textarea",
            run: "edit Можно ли получить вычет по ИИС сразу за три года?",
        },
        { content: "The message to the expert", trigger: ".o_notebook .nav-link[name=routing]", run: "click" },
        { trigger: ".o_field_widget[name=routing_note] textarea:value(Можно ли получить вычет по ИИС сразу за три года?)" },
        ...headerButton("o_vip_request_send", "Send to the expert"),
        { content: "It is with the expert: the answer can be written", trigger: ".o_notebook .nav-link[name=answer]" },
        { content: "The chase task is on the request", trigger: ".o-mail-Activity:contains(Tour Expert)" },
        { content: "Answer tab", trigger: ".o_notebook .nav-link[name=answer]", run: "click" },
        {
            trigger: ".o_field_widget[name=answer] textarea",
            run: "edit Да, за три последних года, с декларацией за каждый.",
        },
        ...headerButton("o_vip_request_answer", "Record the answer"),
        {
            content: "The follow-up task on the client is shown",
            trigger: ".o_field_widget[name=follow_up_activity_id]:contains(Вычет по ИИС)",
        },
        { content: "The chase is over", trigger: ".o-mail-Chatter:not(:has(.o-mail-Activity))" },
    ],
});
