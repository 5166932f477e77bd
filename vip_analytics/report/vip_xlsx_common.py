# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What every VIP Desk XLSX export shares: formats, labels, the security filter, streaming.

Exports obey the access policy by construction: records are read as the user
who asks (row rules apply), a model the user cannot read gives no sheet, a
field the user may not see (money, for emergency access) gives no column.
Workbooks are written in xlsxwriter's ``constant_memory`` mode: each row goes
to disk once written, so a million operations never sit in memory.
"""

import io
import tempfile

import xlsxwriter

from odoo import api, fields, models
from odoo.tools import SQL, html2plaintext

from odoo.addons.vip_security.models.vip_access_logged_mixin import LOGGED

# (field, width, kind); kind: text, date, datetime, money, number, percent, selection, many2one, many2many
OPERATION_COLUMNS = (
    ("date", 11, "date"),
    ("dossier_id", 28, "many2one"),
    ("operation_type", 18, "selection"),
    ("direction", 11, "selection"),
    ("amount", 16, "money"),
    ("currency_id", 8, "many2one"),
    ("amount_company", 18, "money"),
    ("product", 20, "text"),
    ("channel", 14, "selection"),
    ("description", 30, "text"),
    ("external_ref", 18, "text"),
)
PAGE = 5000


class VipXlsxCommon(models.AbstractModel):
    _name = "report.vip_analytics.xlsx_common"
    _inherit = "report.report_xlsx.abstract"
    _description = "VIP Desk: XLSX Export Helpers"

    def get_workbook_options(self):
        return {"constant_memory": True, "tmpdir": tempfile.gettempdir(), "remove_timezone": True}

    def create_xlsx_report(self, docids, data):
        out = io.BytesIO()
        self._write_workbook(out, docids, data)
        return out.getvalue(), "xlsx"

    def _write_workbook(self, target, docids, data):
        """Write the export to ``target`` (a path or a binary stream); return what the report returns.

        Each report logs its clients once, as an export; the reads it makes to
        fill the sheets are part of that export, not reads of their own.
        """
        report = self.with_context(vip_access_log=LOGGED)
        objs = report._get_objs_for_report(docids, data)
        workbook = xlsxwriter.Workbook(target, report.get_workbook_options())
        try:
            return report.generate_xlsx_report(workbook, data, objs)
        finally:
            workbook.close()

    # ------------------------------------------------------------------
    # formats and labels
    # ------------------------------------------------------------------
    def _formats(self, workbook):
        currency = self.env.company.currency_id
        money = f"#,##0.{'0' * currency.decimal_places}" if currency.decimal_places else "#,##0"
        lang = self.env["res.lang"]._get_data(code=self.env.lang or "en_US")
        date_format = "dd.mm.yyyy" if (lang.date_format or "").startswith("%d") else "yyyy-mm-dd"
        return {
            "header": workbook.add_format(
                {"bold": True, "bg_color": "#E9ECEF", "bottom": 1, "text_wrap": True, "valign": "top"}
            ),
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "label": workbook.add_format({"bold": True, "valign": "top"}),
            "text": workbook.add_format({"valign": "top", "text_wrap": False}),
            "wrap": workbook.add_format({"valign": "top", "text_wrap": True}),
            "date": workbook.add_format({"num_format": date_format, "valign": "top", "align": "left"}),
            "datetime": workbook.add_format({"num_format": f"{date_format} hh:mm", "valign": "top", "align": "left"}),
            "money": workbook.add_format({"num_format": money, "valign": "top"}),
            "money_total": workbook.add_format({"num_format": money, "bold": True, "top": 1}),
            "number": workbook.add_format({"num_format": "0", "valign": "top"}),
            "percent": workbook.add_format({"num_format": "0.0%", "valign": "top"}),
            "total": workbook.add_format({"bold": True, "top": 1}),
        }

    def _label(self, model, fname):
        """The field's label in the user's language."""
        return self.env[model]._fields[fname]._description_string(self.env)

    def _readable(self, model, columns):
        """The columns of ``model`` this user may read: none when the model itself is closed to them."""
        Model = self.env[model]
        if not Model.has_access("read"):
            return ()
        return tuple(column for column in columns if Model._fields[column[0]].is_accessible(self.env))

    def _selection_labels(self, model, fname):
        return dict(self.env[model]._fields[fname]._description_selection(self.env))

    # ------------------------------------------------------------------
    # writing
    # ------------------------------------------------------------------
    def _sheet(self, workbook, title, formats, model, columns):
        """A sheet with a frozen header row; ``columns`` as in OPERATION_COLUMNS."""
        sheet = workbook.add_worksheet(title[:31])
        headers = [self._label(model, column[0]) for column in columns]
        for index, (_fname, width, _kind) in enumerate(columns):
            sheet.set_column(index, index, width)
        sheet.write_row(0, 0, headers, formats["header"])
        sheet.freeze_panes(1, 0)
        return sheet

    def _cell(self, sheet, row, col, value, kind, formats, labels=None):
        if value is False or value is None or value == "":
            return
        if kind in ("money", "number", "percent"):
            sheet.write_number(row, col, value, formats[kind])
        elif kind == "date":
            sheet.write_datetime(row, col, value, formats["date"])
        elif kind == "datetime":
            # stored in UTC; shown as the user's clock read it (remove_timezone drops the offset)
            sheet.write_datetime(row, col, fields.Datetime.context_timestamp(self, value), formats["datetime"])
        elif kind == "selection":
            sheet.write_string(row, col, str(labels.get(value, value)), formats["text"])
        elif kind == "many2one":
            sheet.write_string(row, col, value[1] if isinstance(value, tuple | list) else str(value), formats["text"])
        elif kind == "html":
            sheet.write_string(row, col, html2plaintext(value), formats["wrap"])
        else:
            sheet.write_string(row, col, str(value), formats["text"])

    def _write_records(self, workbook, title, formats, records, columns):
        """One sheet, one row per record, read as the user (only the readable columns)."""
        columns = self._readable(records._name, columns)
        if not columns:
            return None
        sheet = self._sheet(workbook, title, formats, records._name, columns)
        labels = {c[0]: self._selection_labels(records._name, c[0]) for c in columns if c[2] == "selection"}
        row = 0
        for values in records.read([c[0] for c in columns], load="_classic_read"):
            row += 1
            for col, (fname, _width, kind) in enumerate(columns):
                self._cell(sheet, row, col, values[fname], kind, formats, labels.get(fname))
        if row:
            sheet.autofilter(0, 0, row, len(columns) - 1)
        return sheet

    # ------------------------------------------------------------------
    # operations: any number of them, streamed
    # ------------------------------------------------------------------
    @api.model
    def _operation_pages(self, domain, columns):
        """Yield pages of ``[values per column]``, newest first, as this user may read them.

        The row rules are applied by ``_search``; the rows are fetched page by
        page by (date, id) so that memory and the cost of a page stay flat.
        Many-to-one values come as display names (read through the ORM, so
        with the user's rights), selections as codes, money as floats.
        """
        Operation = self.env["vip.operation"]
        Operation.check_access("read")
        fnames = [column[0] for column in columns]
        selects = []
        for fname, _width, kind in columns:
            column = Operation._field_to_sql(Operation._table, fname)
            selects.append(SQL("%s::float8", column) if kind == "money" else column)
        date_index = fnames.index("date")
        many2one = [
            (index, self.env[Operation._fields[fname].comodel_name])
            for index, fname in enumerate(fnames)
            if Operation._fields[fname].type == "many2one"
        ]
        names = {index: {} for index, _model in many2one}
        last = None
        date_column = Operation._field_to_sql(Operation._table, "date")
        id_column = Operation._field_to_sql(Operation._table, "id")
        while True:
            query = Operation._search(domain, order="date desc, id desc", limit=PAGE)
            if last:
                # a row comparison, so that the index on (date desc, id desc) starts right after the last page
                query.add_where(SQL("(%s, %s) < (%s, %s)", date_column, id_column, *last))
            rows = self.env.execute_query(query.select(*selects, id_column))
            if not rows:
                return
            last = (rows[-1][date_index], rows[-1][-1])
            rows = [list(row) for row in rows]
            for index, Model in many2one:
                known = names[index]
                if len(known) > 200000:
                    known.clear()  # a flat memory, whatever the number of clients
                missing = {row[index] for row in rows if row[index] and row[index] not in known}
                if missing:
                    known.update(self._names(Model, missing))
                for row in rows:
                    if row[index]:
                        row[index] = known.get(row[index], "")
            yield rows
            if len(rows) < PAGE:
                return

    def _names(self, Model, ids):
        """``{id: name}`` of the records among ``ids`` this user may read (row rules applied), in one query."""
        # archived clients and currencies keep their names in an export
        query = Model.with_context(active_test=False)._search([("id", "in", list(ids))])
        name = Model._field_to_sql(Model._table, Model._rec_name, query)
        return self.env.execute_query(query.select(SQL.identifier(Model._table, "id"), name))

    def _write_operations(self, workbook, title, formats, domain, progress=None):
        """The operations of ``domain`` on one sheet; ``progress(rows written)`` is called after each page."""
        columns = self._readable("vip.operation", OPERATION_COLUMNS)
        if not columns:
            return 0
        sheet = self._sheet(workbook, title, formats, "vip.operation", columns)
        writers = {
            "money": (sheet.write_number, formats["money"]),
            "date": (sheet.write_datetime, formats["date"]),
        }
        plan = [
            (
                col,
                *writers.get(kind, (sheet.write_string, formats["text"])),
                self._selection_labels("vip.operation", fname) if kind == "selection" else None,
            )
            for col, (fname, _width, kind) in enumerate(columns)
        ]
        row = 0
        for page in self._operation_pages(domain, columns):
            for values in page:
                row += 1
                for col, write, cell_format, labels in plan:
                    value = values[col]
                    if value is None or value == "":
                        continue
                    write(row, col, labels.get(value, value) if labels else value, cell_format)
            if progress:
                progress(row)
        if row:
            sheet.autofilter(0, 0, row, len(columns) - 1)
        return row
