# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import contextlib
import csv
import datetime
import io
import logging
import os
from decimal import Decimal, InvalidOperation

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, float_compare

from odoo.addons.vip_dossier.models.vip_input_mixin import REF_SIZE, UNSTORABLE, in_future

from .import_readers import ImportFileError, count_rows, normalize_header, read_rows

_logger = logging.getLogger(__name__)

# what each kind of import reads: the required columns, then the optional ones
COLUMNS = {
    "operation": (
        ("external_ref", "client_ref", "date", "operation_type", "amount"),
        ("direction", "currency", "product", "channel", "description"),
    ),
    "income": (
        ("external_ref", "client_ref", "date", "product_line", "amount"),
        ("description",),
    ),
}
ALIASES = {"type": "operation_type", "line": "product_line", "ref": "external_ref", "client": "client_ref"}
TARGET = {"operation": "vip.operation", "income": "vip.income"}
# an operation's direction when the file does not say it
DEFAULT_DIRECTION = {
    "deposit": "in",
    "transfer_in": "in",
    "withdrawal": "out",
    "transfer_out": "out",
    "card": "out",
    "fee": "out",
}
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y")
CHUNK = 2000
# a JSON-RPC call is answered in the request: bigger loads go as a file, in the background
RPC_MAX_ROWS = 50000
# the rejection of a value the target refuses, by the field that holds it
INPUT_REASONS = {"amount": "bad_amount", "date": "bad_date"}


def shown(text):
    """``text`` as it can be stored and written to a file: a NUL character (which PostgreSQL cannot
    store) or a lone surrogate (which UTF-8 cannot encode) becomes the replacement character."""
    return UNSTORABLE.sub("\ufffd", text)


class VipImport(models.Model):
    """One load of operations or income from the core banking system.

    A file (CSV or XLSX) uploaded by the back office, or a batch of rows sent
    over JSON-RPC by the nightly job. Rows are matched to dossiers by the
    client identifier and are idempotent by their external reference: loading
    the same data again changes nothing. Every row that is not loaded is kept
    with its reason. The whole load is one transaction: it lands entirely or,
    if it breaks, not at all.
    """

    _name = "vip.import"
    _description = "VIP Data Import"
    _inherit = ["vip.input.mixin", "mail.thread", "vip.progress.mixin"]
    _order = "id desc"

    name = fields.Char(compute="_compute_name", store=True)
    kind = fields.Selection(
        [("operation", "Operations"), ("income", "Income")],
        string="What",
        required=True,
        default="operation",
    )
    source = fields.Char(
        required=True,
        default="core_banking",
        size=REF_SIZE,
        help="The system the rows come from; an external reference is unique per source.",
    )
    file = fields.Binary(attachment=True, help="CSV (comma, semicolon or tab separated) or XLSX; first row a header.")
    file_name = fields.Char()
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    state = fields.Selection(
        [("draft", "Draft"), ("queued", "In Progress"), ("done", "Done"), ("failed", "Failed")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    row_count = fields.Integer(string="Rows", readonly=True, copy=False)
    created_count = fields.Integer(string="Loaded", readonly=True, copy=False)
    unchanged_count = fields.Integer(
        string="Already Loaded", readonly=True, copy=False, help="Rows found identical in the database: skipped."
    )
    rejected_count = fields.Integer(string="Rejected", readonly=True, copy=False)
    rejection_ids = fields.One2many("vip.import.rejection", "import_id", string="Rejected Rows", readonly=True)
    rejected_file = fields.Binary(string="Rejected Rows (CSV)", attachment=True, readonly=True, copy=False)
    rejected_file_name = fields.Char(compute="_compute_rejected_file_name")
    error = fields.Text(readonly=True, copy=False)
    date_done = fields.Datetime(string="Finished On", readonly=True, copy=False)
    job_uuid = fields.Char(readonly=True, copy=False, index="btree_not_null")

    @api.autovacuum
    def _gc_abandoned_drafts(self):
        """Drafts left without a file for a day (a form opened, then "back"): nothing was imported."""
        self.search(
            [
                ("state", "=", "draft"),
                ("file_name", "=", False),
                ("create_date", "<", fields.Datetime.now() - datetime.timedelta(days=1)),
            ]
        ).unlink()

    @api.constrains("source")
    def _check_source(self):
        # the lines entered by hand are the managers': an import under their source could test and take
        # their references
        if any((record.source or "").strip().lower() == "manual" for record in self):
            raise ValidationError(self.env._('"manual" is the source of the lines entered by hand: name the system.'))

    @api.depends("file_name", "create_date")
    def _compute_name(self):
        # no translated words: the name is stored, and read in every language
        for record in self:
            when = fields.Datetime.context_timestamp(record, record.create_date or fields.Datetime.now())
            when = when.strftime("%Y-%m-%d %H:%M")
            # a form opened and left before a file was chosen is no "JSON-RPC" import
            record.name = f"{record.file_name} ({when})" if record.file_name else when

    def _progress_running(self):
        return self.filtered(lambda record: record.state == "queued")

    def _progress_ended(self):
        return self.filtered(lambda record: record.state in ("done", "failed"))

    def _compute_rejected_file_name(self):
        for record in self:
            record.rejected_file_name = f"rejected-{record.id}.csv"

    # ------------------------------------------------------------------
    # entry points: the wizard's button, the JSON-RPC call, the job
    # ------------------------------------------------------------------
    def action_import(self):
        """Load the file now when it is small, in the background otherwise."""
        self.ensure_one()
        if self.state not in ("draft", "failed") and not self._job_ended():
            raise UserError(self.env._("This import has already been started."))
        if not self.with_context(bin_size=True).file:
            raise UserError(self.env._("Choose the file to import first."))
        try:
            with self._open_file() as stream:
                total = count_rows(stream)
                if total is not None and total <= self._sync_limit():
                    # as in the job: a file that breaks half-way leaves nothing of it
                    with self.env.cr.savepoint():
                        self._load(read_rows(stream), total)
                    return True
        except ImportFileError as error:
            raise UserError(self._file_error_message(error)) from error
        self.write({"state": "queued", "row_count": total or 0, "error": False})
        job = self.with_delay(description=self.env._("VIP import: %(name)s", name=self.name))._run_job()
        self.job_uuid = job.uuid
        return True

    def _run_job(self):
        """Body of the background job: the whole file in one transaction."""
        self.ensure_one()
        if self.state == "done":
            return self.env._("Already done.")
        try:
            # nothing of the file stays when it breaks half-way: the savepoint
            # takes back what was written, the reason is kept for the user
            with self.env.cr.savepoint(), self._open_file() as stream:
                self.with_context(vip_report_progress=True)._load(read_rows(stream), self.row_count)
        except Exception as error:
            # whatever broke, nothing of the file stays and the import says why, rather than stay
            # "in progress" for ever
            if isinstance(error, ImportFileError):
                message = self._file_error_message(error)
            elif isinstance(error, UserError):
                message = str(error)
            else:
                _logger.exception("VIP import %s failed", self.id)
                message = self.env._("The import stopped on an unexpected error: %(error)s", error=error)
            self.write({"state": "failed", "error": message, "date_done": fields.Datetime.now()})
            self._notify_done()
            return message
        return self.env._(
            "%(created)s loaded, %(rejected)s rejected.", created=self.created_count, rejected=self.rejected_count
        )

    @api.model
    def import_rows(self, kind, rows, source="core_banking", name=None):
        """Load ``rows`` (a list of dicts, columns as in a file) and report on each; for the nightly job.

        Returns ``{"import_id", "created", "unchanged", "rejected": [{"row", "external_ref", "reason",
        "message"}]}``, ``row`` being the 1-based position in ``rows``. Same rows sent again: nothing
        changes, all are reported as already loaded.
        """
        if not isinstance(kind, str) or kind not in COLUMNS:
            raise UserError(self.env._('Unknown kind of import "%(kind)s": use operation or income.', kind=kind))
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise UserError(self.env._("Rows must be a list of objects, one per operation or income line."))
        if len(rows) > RPC_MAX_ROWS:
            raise UserError(
                self.env._(
                    "At most %(max)s rows per call (got %(count)s): split the load, or upload it as a file.",
                    max=RPC_MAX_ROWS,
                    count=len(rows),
                )
            )
        record = self.create({"kind": kind, "source": source or "core_banking", "file_name": name or "JSON-RPC"})
        record._load(enumerate(rows, start=1), len(rows))
        return {
            "import_id": record.id,
            "created": record.created_count,
            "unchanged": record.unchanged_count,
            "rejected": [
                {"row": r.row, "external_ref": r.external_ref or "", "reason": r.reason, "message": r.message}
                for r in record.rejection_ids
            ],
        }

    # ------------------------------------------------------------------
    # the load itself
    # ------------------------------------------------------------------
    def _load(self, numbered_rows, total):
        self.ensure_one()
        self.rejection_ids.sudo().unlink()
        counts = {"rows": 0, "created": 0, "unchanged": 0, "rejected": 0}
        rejected_rows = []
        header = None
        chunk = []
        lookups = self._lookups()
        for number, raw in numbered_rows:
            if header is None:
                header = self._check_header(raw)
            chunk.append((number, raw))
            if len(chunk) >= CHUNK:
                self._load_chunk(chunk, counts, rejected_rows, lookups)
                chunk = []
                self._report_progress(counts["rows"], total)
        if chunk:
            self._load_chunk(chunk, counts, rejected_rows, lookups)
        if header is None:
            raise UserError(self.env._("The file has no rows to import."))
        self.write(
            {
                "state": "done",
                "row_count": counts["rows"],
                "created_count": counts["created"],
                "unchanged_count": counts["unchanged"],
                "rejected_count": counts["rejected"],
                "rejected_file": self._rejected_csv(rejected_rows) if rejected_rows else False,
                "date_done": fields.Datetime.now(),
                "error": False,
            }
        )
        self._notify_done()

    def _lookups(self):
        """What every row needs, resolved once per load rather than once per row; selection labels
        and currencies are added as they are met."""
        return {
            "today": fields.Date.context_today(self),
            "source": self.source,
            "import_id": self.id,
            "kind": self.kind,
            "company_currency": self.company_id.currency_id.id,
        }

    @staticmethod
    def _columns(row):
        """The row by column name, names as a file's header gives them (JSON-RPC keys included)."""
        names = {key: normalize_header(key) for key in row}
        return {ALIASES.get(names[key], names[key]): value for key, value in row.items()}

    def _check_header(self, row):
        required, optional = COLUMNS[self.kind]
        columns = set(self._columns(row))
        missing = [name for name in required if name not in columns]
        if missing:
            raise UserError(
                self.env._(
                    "The file lacks the column(s) %(missing)s. Expected columns: %(required)s, "
                    "and optionally %(optional)s.",
                    missing=", ".join(missing),
                    required=", ".join(required),
                    optional=", ".join(optional),
                )
            )
        return columns

    def _load_chunk(self, chunk, counts, rejected_rows, lookups):
        Target = self.env[TARGET[self.kind]].sudo()
        rows = [(number, self._columns(raw)) for number, raw in chunk]
        clients = self._clients({self._text(row.get("client_ref")) for _n, row in rows})
        existing = self._existing({self._text(row.get("external_ref")) for _n, row in rows})
        to_create, rejections, in_chunk = [], [], set()
        for number, row in rows:
            ref = self._text(row.get("external_ref"))
            vals, reason, message = self._row_values(row, clients, lookups)
            # what the target itself would refuse (an amount of 1e400, a reference too long for its
            # index, a NUL character): this row's rejection, not the end of the whole load
            problem = not reason and Target._input_problem(vals)
            if problem:
                reason, message = INPUT_REASONS.get(problem[0], "bad_value"), problem[1]
            if not reason and (ref in in_chunk or (ref in existing and existing[ref][0] == self.id)):
                reason, message = "duplicate", self.env._("This reference appears more than once in the file.")
            elif not reason and ref in existing:
                if self._same(existing[ref][1], vals):
                    counts["unchanged"] += 1
                    in_chunk.add(ref)
                    continue
                reason = "duplicate"
                message = self.env._("Already loaded with different values; a correction needs a new reference.")
            if reason:
                rejections.append(self._rejection(number, row, reason, message))
                rejected_rows.append((number, row, message))
                continue
            in_chunk.add(ref)
            to_create.append(vals)
        if to_create:
            Target.create(to_create)
        if rejections:
            self.env["vip.import.rejection"].sudo().create(rejections)
        counts["rows"] += len(rows)
        counts["created"] += len(to_create)
        counts["rejected"] += len(rejections)
        # a million rows must not stay in the cache
        self.env.flush_all()
        self.env.invalidate_all()

    def _row_values(self, row, clients, lookups):
        """``(vals, False, False)`` for a good row, ``(None, reason, message)`` for a bad one."""
        rejection = self._row_cells_fault(row)
        if rejection:
            return rejection
        vals, date, amount, rejection = self._row_common_values(row, clients, lookups)
        if rejection:
            return rejection
        if lookups["kind"] == "income":
            return self._income_row_values(row, lookups, vals, date, amount)
        return self._operation_row_values(row, lookups, vals, date, amount)

    def _row_cells_fault(self, row):
        """A cell that is not text or a number: over JSON-RPC a cell can be a list, an object or true, which
        would be loaded as Python's spelling of it ("['a']", "True")."""
        for column, value in row.items():
            if isinstance(value, list | dict) or value is True:
                message = self.env._(
                    'The column "%(column)s" must hold text or a number, not %(value)s.',
                    column=column,
                    value=self._text(value)[:40],
                )
                return None, "bad_value", message
        return None

    def _row_common_values(self, row, clients, lookups):
        """What every line has: its reference, its client, its date and its amount; ``(vals, date, amount,
        None)``, or a rejection last."""
        ref = self._text(row.get("external_ref"))
        if not ref:
            return None, None, None, (None, "missing", self.env._("The external reference is empty."))
        client_ref = self._text(row.get("client_ref"))
        if not client_ref:
            return None, None, None, (None, "missing", self.env._("The client identifier is empty."))
        dossier_id = clients.get(client_ref)
        if not dossier_id:
            message = self.env._("No VIP client has the identifier %(ref)s.", ref=client_ref)
            return None, None, None, (None, "unknown_client", message)
        date = self._date(row.get("date"))
        if not date:
            rejection = self._rejected(
                row.get("date"),
                self.env._("The date is empty."),
                "bad_date",
                self.env._(
                    '"%(value)s" is not a date (use YYYY-MM-DD or DD.MM.YYYY).', value=self._text(row.get("date"))
                ),
            )
            return None, None, None, rejection
        amount = self._amount(row.get("amount"))
        if amount is None:
            rejection = self._rejected(
                row.get("amount"),
                self.env._("The amount is empty."),
                "bad_amount",
                self.env._('"%(value)s" is not an amount.', value=self._text(row.get("amount"))),
            )
            return None, None, None, rejection
        vals = {
            "dossier_id": dossier_id,
            "source": lookups["source"],
            "external_ref": ref,
            "import_id": lookups["import_id"],
            "description": self._text(row.get("description")) or False,
        }
        return vals, date, amount, None

    def _income_row_values(self, row, lookups, vals, date, amount):
        """An income line: booked for a month that has begun, on a product line, not zero."""
        date = date.replace(day=1)
        if in_future(date, lookups["today"], month=True):
            return None, "bad_date", self.env["vip.income"]._future_month_refusal(date)
        line = self._selection(lookups, "vip.income", "product_line", row.get("product_line"))
        if not line:
            return self._rejected(
                row.get("product_line"),
                self.env._("The product line is empty."),
                "bad_value",
                self.env._('Unknown product line "%(value)s".', value=self._text(row.get("product_line"))),
            )
        if amount == 0:
            return None, "bad_amount", self.env._("An income line of zero says nothing.")
        vals.update(date=date, product_line=line, amount=amount)
        return vals, False, False

    def _operation_row_values(self, row, lookups, vals, date, amount):
        """An operation: not in the future, of a known type, with a direction, a positive amount and a
        currency."""
        if in_future(date, lookups["today"]):
            return None, "bad_date", self.env._("An operation cannot be dated in the future (%(date)s).", date=date)
        operation_type = self._selection(lookups, "vip.operation", "operation_type", row.get("operation_type"))
        if not operation_type:
            return self._rejected(
                row.get("operation_type"),
                self.env._("The operation type is empty."),
                "bad_value",
                self.env._('Unknown operation type "%(value)s".', value=self._text(row.get("operation_type"))),
            )
        direction = self._selection(lookups, "vip.operation", "direction", row.get("direction"))
        if not direction and self._text(row.get("direction")):
            return (
                None,
                "bad_value",
                self.env._('Unknown direction "%(value)s": use in or out.', value=self._text(row.get("direction"))),
            )
        if amount < 0 and not direction:
            direction, amount = "out", -amount
        direction = direction or DEFAULT_DIRECTION.get(operation_type)
        if not direction:
            return None, "missing", self.env._("Say whether the operation is incoming or outgoing (column direction).")
        refusal = self.env["vip.operation"]._amount_refusal(amount)
        if refusal:
            return None, "bad_amount", refusal
        currency = self._currency(lookups, row.get("currency"))
        if not currency:
            message = self.env._('Unknown or inactive currency "%(value)s".', value=self._text(row.get("currency")))
            return None, "bad_value", message
        channel = self._selection(lookups, "vip.operation", "channel", row.get("channel"))
        vals.update(
            date=date,
            operation_type=operation_type,
            direction=direction,
            amount=amount,
            currency_id=currency,
            product=self._text(row.get("product")) or False,
            channel=channel or False,
        )
        return vals, False, False

    # ------------------------------------------------------------------
    # lookups, one query per chunk
    # ------------------------------------------------------------------
    def _clients(self, client_refs):
        client_refs = [ref for ref in client_refs if ref and self._storable(ref)]
        if not client_refs:
            return {}
        self.env.cr.execute(
            SQL(
                "SELECT client_ref, id FROM vip_dossier WHERE company_id = %s AND client_ref = ANY(%s)",
                self.company_id.id,
                client_refs,
            )
        )
        return dict(self.env.cr.fetchall())

    def _existing(self, refs):
        """``{ref: (import_id, values)}`` of what this source already holds under these references."""
        refs = [ref for ref in refs if ref and self._storable(ref)]
        if not refs:
            return {}
        Target = self.env[TARGET[self.kind]]
        columns = self._compared_columns()
        self.env.cr.execute(
            SQL(
                "SELECT external_ref, import_id, %s FROM %s WHERE source = %s AND external_ref = ANY(%s)",
                SQL(", ").join(SQL.identifier(column) for column in columns),
                SQL.identifier(Target._table),
                self.source,
                refs,
            )
        )
        return {
            ref: (import_id, dict(zip(columns, values, strict=True)))
            for ref, import_id, *values in self.env.cr.fetchall()
        }

    def _compared_columns(self):
        if self.kind == "income":
            return ("dossier_id", "date", "product_line", "amount")
        return ("dossier_id", "date", "operation_type", "direction", "amount", "currency_id")

    def _same(self, stored, vals):
        for column, value in stored.items():
            if column == "amount":
                if float_compare(float(value), vals["amount"], precision_digits=2):
                    return False
            elif value != vals[column]:
                return False
        return True

    # ------------------------------------------------------------------
    # cell parsing
    # ------------------------------------------------------------------
    @classmethod
    def _rejected(cls, value, empty, reason, message):
        """The rejection of a cell that could not be read: ``empty`` when nothing was written in it."""
        if not cls._text(value):
            return None, "missing", empty
        return None, reason, message

    @staticmethod
    def _text(value):
        if value is None or value is False:  # JSON's null and false: an empty cell
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # an identifier typed as a number in a spreadsheet
        return str(value).strip()

    @staticmethod
    def _storable(text):
        """PostgreSQL takes no NUL character, not even in a query, and UTF-8 no lone surrogate (JSON's
        "\ud800" reads as one): such a value matches nothing."""
        return text == shown(text)

    @staticmethod
    def _date(value):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = str(value or "").strip()[:10]
        with contextlib.suppress(ValueError):
            return datetime.date.fromisoformat(text)  # the common case, and ten times faster than strptime
        for fmt in DATE_FORMATS:
            try:
                return datetime.datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        return None

    @staticmethod
    def _amount(value):
        if isinstance(value, bool):
            return None
        if isinstance(value, int | float):
            return float(value)
        text = str(value or "").strip()
        for space in (" ", "\u00a0", "\u202f", "'"):
            text = text.replace(space, "")
        # with both separators the last one is the decimal point ("1,234.56", "1.234,56");
        # a comma alone is the decimal point, as Russian banking systems write it ("1234,56")
        if "," in text and "." in text:
            thousands = "," if text.rindex(".") > text.rindex(",") else "."
            text = text.replace(thousands, "").replace(",", ".")
        else:
            text = text.replace(",", ".")
        try:
            amount = Decimal(text)
        except InvalidOperation:
            return None
        return float(amount) if amount.is_finite() else None

    def _selection(self, lookups, model, field, value):
        """The code of a selection value given as its code or its label, in English or the user's language."""
        text = self._text(value).lower()
        if not text:
            return False
        options = lookups.get((model, field))
        if options is None:
            options = lookups[model, field] = {}
            selection = self.env[model]._fields[field]
            for lang in ("en_US", self.env.lang or "en_US"):
                for code, label in selection._description_selection(self.with_context(lang=lang).env):
                    options[code.lower()] = code
                    options[str(label).lower()] = code
        return options.get(text, False)

    def _currency(self, lookups, value):
        code = self._text(value).upper()
        if not code:  # an empty cell is the company's currency
            return lookups["company_currency"]
        key = ("res.currency", code)
        if key not in lookups:
            # an inactive currency has no rates here: its amount could not be converted
            currency = self._storable(code) and self.env["res.currency"].sudo().search([("name", "=", code)], limit=1)
            lookups[key] = currency and currency.id
        return lookups[key]

    # ------------------------------------------------------------------
    # reporting
    # ------------------------------------------------------------------
    def _rejection(self, number, row, reason, message):
        return {
            "import_id": self.id,
            "row": number,
            "external_ref": shown(self._text(row.get("external_ref"))[:REF_SIZE]) or False,
            "client_ref": shown(self._text(row.get("client_ref"))[:REF_SIZE]) or False,
            "reason": reason,
            "message": shown(message),
            "raw": shown("; ".join(f"{key}={self._text(value)}" for key, value in row.items() if key)),
        }

    def _rejected_csv(self, rejected_rows):
        """The rejected rows as they came, plus the reason: fixed, they can be loaded again."""
        out = io.StringIO()
        columns = sorted({key for _n, row, _m in rejected_rows for key in row if key})
        writer = csv.writer(out, delimiter=";")
        writer.writerow(["row", *map(shown, columns), "reason"])
        for number, row, message in rejected_rows:
            writer.writerow([number, *(shown(self._csv_cell(row.get(column))) for column in columns), shown(message)])
        return base64.b64encode(out.getvalue().encode("utf-8-sig"))

    def _csv_cell(self, value):
        """A cell as text; one that a spreadsheet would run as a formula is quoted."""
        text = self._text(value)
        return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text

    def _notify_done(self):
        if self.state == "done":
            body = self.env._(
                "Import finished: %(created)s loaded, %(unchanged)s already loaded, %(rejected)s rejected.",
                created=self.created_count,
                unchanged=self.unchanged_count,
                rejected=self.rejected_count,
            )
            self._notify_author(body, "warning" if self.rejected_count else "success")
        else:
            self._notify_author(self.env._("Import failed: %(error)s", error=self.error), "danger")

    @contextlib.contextmanager
    def _open_file(self):
        """The uploaded file as a binary stream, read from the filestore as it goes rather than loaded
        whole (a file of a million rows is ~100 MB; as the field's base64 value, a third more)."""
        self.ensure_one()
        self.check_access("read")
        # sudo: the field's attachment, as the ORM itself reads it for whoever may read the import
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .search([("res_model", "=", self._name), ("res_field", "=", "file"), ("res_id", "=", self.id)], limit=1)
        )
        # Not an HTTP request (a job): ir.binary's streams need one, the filestore's path does not. A
        # file kept in the database or by a storage addon is read as the ORM reads it (a lost one is empty).
        path = attachment.store_fname and attachment._full_path(attachment.store_fname)
        with open(path, "rb") if path and os.path.isfile(path) else io.BytesIO(attachment.raw or b"") as handle:
            yield handle

    def _file_error_message(self, error):
        messages = {
            "encoding": self.env._("The file is neither UTF-8 nor Windows-1251 text; save it as CSV UTF-8 or XLSX."),
            "empty": self.env._("The file is empty."),
            "xlsx": self.env._("The file looks like XLSX but cannot be opened; save it again from the spreadsheet."),
        }
        return messages.get(str(error), str(error))

    def _job_ended(self):
        """A job that will not run any more (failed or cancelled in the job queue) leaves the import free."""
        job = self.env["queue.job"].sudo().search([("uuid", "=", self.job_uuid)], limit=1) if self.job_uuid else None
        return bool(job) and job.state in ("failed", "cancelled", "done") and self.state == "queued"

    @api.model
    def _sync_limit(self):
        """Files up to this many rows load at once; bigger ones go to a background job."""
        return int(self.env["ir.config_parameter"].sudo().get_param("vip_import.sync_rows", 5000))

    def action_download_rejected(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/vip.import/{self.id}/rejected_file/{self.rejected_file_name}?download=true",
            "target": "self",
        }
