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

// a menu of the VIP Desk: in the sections' dropdown on a desktop, in the side menu on a phone
const openMenu = (xmlid) => [
    { content: "Open the menu (phone)", isActive: ["mobile"], trigger: ".o_main_navbar .o_menu_toggle", run: "click" },
    {
        content: `Open ${xmlid}`,
        trigger: `.o-dropdown--menu [data-menu-xmlid="${xmlid}"], .o_app_menu_sidebar [data-menu-xmlid="${xmlid}"]`,
        run: "click",
    },
];

const openVipDesk = () => [
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
    // a manager lands on My Day (vip_calendar) when it is installed: go to the clients by the menu
    {
        content: "Open the Clients menu",
        isActive: ["desktop"],
        trigger: '.o_menu_sections button[data-menu-xmlid="vip_dossier.vip_clients_menu"]',
        run: "click",
    },
    ...openMenu("vip_dossier.vip_dossier_menu"),
];

registry.category("web_tour.tours").add("vip_dossier_tour", {
    url: "/odoo",
    steps: () => [
        ...openVipDesk(),
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

// Phones (#16): every list opens as cards, and a tap on a client's card opens
// the client: only the small call button dials.
registry.category("web_tour.tours").add("vip_dossier_phone_cards_tour", {
    url: "/odoo",
    steps: () => [
        ...openVipDesk(),
        {
            content: "The client is a card with a small call button",
            trigger: ".o_kanban_view .o_kanban_record:contains(Phone Client) a.o_vip_call[href^='tel:']",
        },
        {
            content: "No other phone link in the card: a tap on it does not dial",
            trigger: ".o_kanban_record:contains(Phone Client):not(:has(a[href^='tel:']:not(.o_vip_call)))",
        },
        ...openMenu("vip_dossier.vip_relative_menu"),
        { content: "Relatives are cards", trigger: ".o_kanban_view .o_kanban_record:contains(Phone Relative)" },
        ...openMenu("vip_dossier.vip_interaction_menu"),
        { content: "Interactions are cards", trigger: ".o_kanban_view .o_kanban_record:contains(Phone Call)" },
        ...openMenu("vip_dossier.vip_preference_menu"),
        { content: "Preferences are cards", trigger: ".o_kanban_view .o_kanban_record:contains(Phone Tea)" },
        ...openMenu("vip_dossier.vip_dossier_menu"),
        {
            content: "Open the client from their card",
            trigger: ".o_kanban_record:contains(Phone Client) main .fw-bold:contains(Phone Client)",
            run: "click",
        },
        { content: "Family tab", trigger: ".o_form_view .o_notebook .nav-link[name=family]", run: "click" },
        {
            content: "The client's relatives are cards too",
            trigger: ".o_field_widget[name=relative_ids] .o_kanban_record:contains(Phone Relative)",
        },
    ],
});
