# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

# the client's profile: one line per fact, one column per client
PROFILE = (
    ("name", 0, "text"),
    ("client_ref", 0, "text"),
    ("tier_id", 0, "many2one"),
    ("state", 0, "selection"),
    ("user_id", 0, "many2one"),
    ("deputy_id", 0, "many2one"),
    ("client_since", 0, "date"),
    ("birth_date", 0, "date"),
    ("wedding_date", 0, "date"),
    ("phone", 0, "text"),
    ("mobile", 0, "text"),
    ("email", 0, "text"),
    ("preferred_channel", 0, "selection"),
    ("employer_id", 0, "many2one"),
    ("job_title", 0, "text"),
    ("employer_industry_id", 0, "many2one"),
    ("consent_state", 0, "selection"),
    ("completeness", 0, "number"),
    ("last_interaction_date", 0, "datetime"),
    ("next_key_date", 0, "date"),
    ("next_key_date_name", 0, "text"),
    ("income_12m", 0, "money"),
    ("income_prev_12m", 0, "money"),
    ("income_yoy", 0, "percent"),
    ("income_ytd", 0, "money"),
)
FAMILY = (
    ("dossier_id", 26, "many2one"),
    ("relation_type_id", 16, "many2one"),
    ("name", 30, "text"),
    ("birth_date", 12, "date"),
    ("phone", 16, "text"),
    ("email", 24, "text"),
    ("consent_state", 14, "selection"),
    ("notes", 40, "text"),
)
PREFERENCES = (
    ("dossier_id", 26, "many2one"),
    ("person_name", 26, "text"),
    ("category_id", 18, "many2one"),
    ("value", 40, "text"),
    ("source", 14, "selection"),
    ("date_noted", 12, "date"),
    ("note", 40, "text"),
)
TRUSTED_PERSONS = (
    ("dossier_id", 26, "many2one"),
    ("name", 26, "text"),
    ("relative_id", 22, "many2one"),
    ("scope", 40, "text"),
    ("document_ref", 18, "text"),
    ("valid_from", 12, "date"),
    ("valid_to", 12, "date"),
    ("state", 12, "selection"),
)
INTERACTIONS = (
    ("dossier_id", 26, "many2one"),
    ("date", 17, "datetime"),
    ("user_id", 20, "many2one"),
    ("channel", 12, "selection"),
    ("contact_name", 22, "text"),
    ("subject", 30, "text"),
    ("outcome", 40, "text"),
    ("next_step", 26, "text"),
    ("next_step_date", 12, "date"),
)
INCOME = (
    ("dossier_id", 26, "many2one"),
    ("date", 11, "date"),
    ("product_line", 22, "selection"),
    ("amount", 16, "money"),
    # who earned it: the client's manager when it was booked, not necessarily the manager now
    ("user_id", 20, "many2one"),
    ("description", 30, "text"),
    ("external_ref", 18, "text"),
)


class VipDossierXlsx(models.AbstractModel):
    """The whole dossier of a client in one workbook, one sheet per part."""

    _name = "report.vip_analytics.dossier_xlsx"
    _inherit = "report.vip_analytics.xlsx_common"
    _description = "VIP Desk: Dossier (XLSX)"

    def generate_xlsx_report(self, workbook, data, dossiers):
        dossiers.check_access("read")
        self.env["vip.access.log"]._log(dossiers, event="export", channel="report", note=self.env._("Dossier (XLSX)"))
        formats = self._formats(workbook)
        self._write_profile(workbook, formats, dossiers)
        domain = [("dossier_id", "in", dossiers.ids)]
        parts = (
            (self.env._("Family"), "vip.relative", FAMILY),
            (self.env._("Preferences"), "vip.preference", PREFERENCES),
            (self.env._("Trusted Persons"), "vip.trusted.person", TRUSTED_PERSONS),
            (self.env._("Interactions"), "vip.interaction", INTERACTIONS),
        )
        for title, model, columns in parts:
            if self.env[model].has_access("read"):
                self._write_records(workbook, title, formats, self.env[model].search(domain), columns)
        operations = 0
        if self.env["vip.operation"].has_access("read"):
            operations = self._write_operations(
                workbook, self.env._("Operations"), formats, domain, progress=(data or {}).get("progress")
            )
        if self.env["vip.income"].has_access("read"):
            self._write_records(workbook, self.env._("Income"), formats, self.env["vip.income"].search(domain), INCOME)
        return operations

    def _write_profile(self, workbook, formats, dossiers):
        columns = self._readable("vip.dossier", PROFILE)
        sheet = workbook.add_worksheet(self.env._("Profile"))
        sheet.set_column(0, 0, 30)
        sheet.set_column(1, max(len(dossiers), 1), 36)
        sheet.write_string(0, 0, self.env._("Client"), formats["header"])
        for col, dossier in enumerate(dossiers, start=1):
            sheet.write_string(0, col, dossier.name or "", formats["header"])
        sheet.freeze_panes(1, 1)
        values = dossiers.read([c[0] for c in columns], load="_classic_read")
        for row, (fname, _width, kind) in enumerate(columns, start=1):
            sheet.write_string(row, 0, self._label("vip.dossier", fname), formats["label"])
            labels = self._selection_labels("vip.dossier", fname) if kind == "selection" else None
            for col, record in enumerate(values, start=1):
                self._cell(sheet, row, col, record[fname], kind, formats, labels)
