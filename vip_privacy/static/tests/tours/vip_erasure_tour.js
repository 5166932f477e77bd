/** @odoo-module **/
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
//
// A VIP manager records that a relative withdrew the consent (the date and the
// document), lands on the erasure case with its deadline and the task it gave
// them, and erases now. Selectors use field names and classes, so the tour runs
// in any language and at any screen size (phones fold the form's buttons into
// the gear menu).

import { registry } from "@web/core/registry";

const GEAR = ".o_control_panel .o_cp_action_menus button:has(.fa-cog)";

registry.category("web_tour.tours").add("vip_erasure_tour", {
    steps: () => [
        { content: "The relative's form opens", trigger: ".o_form_view .o_field_widget[name=first_name]" },
        { content: "Phones: the form's buttons are in the gear menu", isActive: ["mobile"], trigger: GEAR, run: "click" },
        { content: "Consent withdrawn", trigger: ".o_vip_withdraw_consent", run: "click" },
        { content: "It asks the date", trigger: ".modal .o_field_widget[name=withdrawal_date] input" },
        {
            content: "and the document",
            trigger: ".modal .o_field_widget[name=document] input",
            run: "edit Заявление № 15",
        },
        { content: "Record it", trigger: ".modal .o_vip_withdrawal_confirm", run: "click" },
        {
            content: "The erasure case opens, due in 30 days",
            trigger: "body:not(:has(.modal)) .o_form_view .o_field_widget[name=deadline]",
        },
        { content: "with the document", trigger: ".o_field_widget[name=document]:contains(Заявление № 15), .o_field_widget[name=document] input" },
        { content: "and the task it gave the manager", trigger: ".o_field_widget[name=task_user_id]:contains(Tour Manager)" },
        { content: "What will be erased is listed", trigger: ".o_field_widget[name=scope]:not(:empty)" },
        { content: "Phones: the gear menu", isActive: ["mobile"], trigger: GEAR, run: "click" },
        { content: "Erase now", trigger: ".o_vip_erase_now", run: "click" },
        { content: "Confirm", trigger: ".modal .modal-footer .btn-primary", run: "click" },
        {
            content: "Erased: by whom and when",
            trigger: "body:not(:has(.modal)) .o_field_widget[name=erased_by_id]:contains(Tour Manager)",
        },
        { content: "The relative is named no more", trigger: ".o_form_view h1:not(:contains(Tour Spouse))" },
    ],
});
