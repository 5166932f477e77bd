/** @odoo-module **/
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
//
// A VIP manager registers a gift to a civil-servant relative of a client, above the
// civil-servant limit: the form warns (Civil Code art. 575) and the gift is sent for
// approval; then the supervisor approves it from the To Approve list. Selectors use
// field names and classes, so the tour runs in any language and at any screen size
// (a list and header buttons on desktop; cards and the form's cog menu on phones).

import { registry } from "@web/core/registry";

// a header button of the form: in the status bar on desktop, in the cog menu on a phone
const headerButton = (selector, content) => [
    {
        content: "Open the form's menu (phone)",
        isActive: ["mobile"],
        trigger: ".o_control_panel .o_cp_action_menus button:has(.fa-cog)",
        run: "click",
    },
    {
        content,
        trigger: `.o_form_view .o_statusbar_buttons ${selector}, .o-dropdown--menu ${selector}`,
        run: "click",
    },
];

// pick a record in a many2one: the autocomplete on desktop, the selection dialog on a phone
const pickMany2one = (field, text) => [
    {
        content: `Type into ${field}`,
        isActive: ["desktop"],
        trigger: `.o_form_view .o_field_widget[name=${field}] input`,
        run: `edit ${text}`,
    },
    {
        content: `Pick ${text}`,
        isActive: ["desktop"],
        trigger: `.o-autocomplete--dropdown-menu .o-autocomplete--dropdown-item a:contains(${text})`,
        run: "click",
    },
    {
        content: `Open ${field} (phone)`,
        isActive: ["mobile"],
        trigger: `.o_form_view .o_field_widget[name=${field}] input`,
        run: "click",
    },
    {
        content: `Pick ${text} (phone)`,
        isActive: ["mobile"],
        trigger: `.modal .o_kanban_record:contains(${text}), .modal .o_data_row:contains(${text}) .o_data_cell:first`,
        run: "click",
    },
    { content: `${text} is picked`, trigger: `.o_field_widget[name=${field}] input:value(/${text}/)` },
];

registry.category("web_tour.tours").add("vip_gift_register_tour", {
    steps: () => [
        {
            content: "Register a gift",
            trigger: ".o_control_panel button.o_list_button_add, .o_control_panel button.o-kanban-button-new",
            run: "click",
        },
        { trigger: ".o_form_view .o_field_widget[name=name] input", run: "edit Часы настольные" },
        ...pickMany2one("dossier_id", "Tour Client"),
        ...pickMany2one("relative_id", "Official"),
        { trigger: ".o_form_view .o_field_widget[name=amount] input", run: "edit 5000" },
        { trigger: ".o_form_view .o_field_widget[name=occasion] input", run: "edit День рождения" },
        {
            content: "The form warns: a civil servant, above the limit (Civil Code art. 575)",
            trigger: ".o_form_view .o_vip_gift_civil_servant:visible",
        },
        {
            content: "It cannot be marked given before the approval",
            trigger: ".o_form_view:not(:has(.o_statusbar_buttons button[name=action_mark_given]))",
        },
        ...headerButton("button.o_vip_gift_submit", "Send it for approval"),
        {
            content: "The gift waits for approval",
            trigger: ".o_form_view .o_form_saved, .o_form_view:not(:has(.o_form_status_indicator_buttons:visible))",
        },
        {
            content: "No Send for Approval any more",
            trigger: ".o_form_view:not(:has(.o_statusbar_buttons button.o_vip_gift_submit))",
        },
    ],
});

registry.category("web_tour.tours").add("vip_gift_approve_tour", {
    steps: () => [
        {
            content: "Open the gift waiting for approval",
            trigger: ".o_data_row:contains(Часы настольные) td[name=name], .o_kanban_record:contains(Часы настольные)",
            run: "click",
        },
        { content: "The warning cites the law", trigger: ".o_form_view .o_vip_gift_civil_servant:visible" },
        {
            content: "The supervisor cannot change the value",
            trigger: ".o_form_view .o_field_widget[name=amount]:not(:has(input))",
        },
        ...headerButton("button.o_vip_gift_approve", "Approve"),
        { trigger: ".modal .o_field_widget[name=comment] textarea", run: "edit Обычный знак внимания" },
        { content: "Confirm", trigger: ".modal button.o_vip_gift_decide", run: "click" },
        {
            content: "Approved: the decision is on the gift",
            trigger: "body:not(:has(.modal)) .o_form_view .o_field_widget[name=approver_id]",
        },
    ],
});
