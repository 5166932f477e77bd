/** @odoo-module **/
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
//
// The calendar of key dates names the person first: «Иванов Иван Иванович ·
// День рождения клиента». A month's cell on a phone has room for a word or
// two, and nearly every occasion begins with the same one («День рождения…»,
// «День защитника Отечества», "Client's Birthday"…), so titled by the occasion
// every event read «День» (#16). The popover and the desktop show the whole title.

import { registry } from "@web/core/registry";
import { calendarView } from "@web/views/calendar/calendar_view";
import { CalendarModel } from "@web/views/calendar/calendar_model";

export class VipKeyDateCalendarModel extends CalendarModel {
    normalizeRecord(rawRecord) {
        const record = super.normalizeRecord(rawRecord);
        const { person_name: person, occasion } = rawRecord;
        if (person && occasion) {
            record.title = `${person} · ${occasion}`;
        }
        return record;
    }
}

registry.category("views").add("vip_key_date_calendar", {
    ...calendarView,
    Model: VipKeyDateCalendarModel,
});
