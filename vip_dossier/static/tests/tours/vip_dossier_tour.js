/** @odoo-module **/
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
//
// A VIP manager opens the VIP Desk, creates a dossier with a relative and an
// interaction, and finds the interaction in the dossier's chatter. The steps
// use field names, not labels, so the tour runs in any language and at any
// screen size (list on desktop, kanban on phones).

import { registry } from "@web/core/registry";

const x2manyAdd = (field) => ({
    content: `Add a line to ${field}`,
    trigger: `.o_field_widget[name=${field}] .o_field_x2many_list_row_add a, .o_field_widget[name=${field}] .o-kanban-button-new`,
    run: "click",
});

registry.category("web_tour.tours").add("vip_dossier_tour", {
    url: "/odoo",
    steps: () => [
        {
            content: "Open the apps menu",
            isActive: ["desktop"],
            trigger: ".o_navbar_apps_menu button:enabled",
            run: "click",
        },
        {
            content: "Open the menu (phone)",
            isActive: ["mobile"],
            trigger: ".o_main_navbar .o_menu_toggle",
            run: "click",
        },
        {
            content: "Show all apps (phone)",
            isActive: ["mobile"],
            trigger: ".o_sidebar_topbar a.btn-primary",
            run: "click",
        },
        {
            content: "Open the VIP Desk",
            trigger: '.o_app[data-menu-xmlid="vip_dossier.vip_desk_menu_root"]',
            run: "click",
        },
        {
            content: "Create a dossier",
            trigger: ".o_control_panel button.o_list_button_add, .o_control_panel button.o-kanban-button-new",
            run: "click",
        },
        { trigger: ".o_field_widget[name=last_name] input", run: "edit Тестова" },
        { trigger: ".o_field_widget[name=first_name] input", run: "edit Мария" },
        { trigger: ".o_field_widget[name=patronymic] input", run: "edit Ивановна" },
        { content: "Family tab", trigger: ".o_notebook .nav-link[name=family]", run: "click" },
        {
            content: "The full name and the formal address follow the name parts",
            trigger: ".o_field_widget[name=name]:contains(Тестова Мария Ивановна)",
        },
        { trigger: ".o_field_widget[name=formal_address] input:value(Мария Ивановна)" },
        x2manyAdd("relative_ids"),
        { trigger: ".modal .o_field_widget[name=first_name] input", run: "edit Пётр" },
        { trigger: ".modal .o_field_widget[name=last_name] input", run: "edit Тестов" },
        { trigger: ".modal .o_field_widget[name=relation_type_id] input", run: "click" },
        {
            content: "Pick the first relation (spouse)",
            isActive: ["desktop"],
            trigger: ".o-autocomplete--dropdown-menu .o-autocomplete--dropdown-item:first-child a",
            run: "click",
        },
        {
            content: "Pick the first relation (spouse), phone",
            isActive: ["mobile"],
            trigger: ".modal .o_kanban_record:first, .modal .o_data_row:first .o_data_cell:first",
            run: "click",
        },
        { trigger: ".modal .o_field_widget[name=phone] input", run: "edit +7 916 000-00-01" },
        { content: "Save the relative", trigger: ".modal .o_form_button_save", run: "click" },
        {
            content: "The relative is listed",
            trigger: ".o_field_widget[name=relative_ids] :contains(Тестов Пётр)",
        },
        { content: "Interactions tab", trigger: ".o_notebook .nav-link[name=interactions]", run: "click" },
        x2manyAdd("interaction_ids"),
        { trigger: ".modal .o_field_widget[name=subject] input", run: "edit Знакомство" },
        { trigger: ".modal .o_field_widget[name=outcome] textarea", run: "edit Договорились о встрече" },
        { content: "Save the interaction", trigger: ".modal .o_form_button_save", run: "click" },
        {
            content: "The interaction is listed",
            trigger: ".o_field_widget[name=interaction_ids] :contains(Знакомство)",
        },
        { content: "Save the dossier", trigger: ".o_control_panel .o_form_button_save:enabled", run: "click" },
        {
            content: "Saved, and the interaction is on the chatter",
            trigger: ".o-mail-Message:contains(Знакомство)",
        },
        { trigger: ".o_form_saved, .o_form_view:not(:has(.o_form_status_indicator_buttons:visible))" },
    ],
});
