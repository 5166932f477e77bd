# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
import math
import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# No figure the desk keeps comes near a trillion (10^12), in any currency: such an amount is a
# typo or a hostile call, not a banking fact. From there on an amount is not even stored as given:
# Odoo rounds it to the currency (float_round) with an error margin that grows with the amount, and
# from 10^12 that margin shifts whole amounts by a kopeck or two (5,277,655,813,325 is stored as
# ...325.02: found by the fuzz suite); near 10^15 a float no longer holds kopecks at all. NaN and
# infinity, which PostgreSQL's numeric stores as well, break totals, exports and the overview outright.
AMOUNT_LIMIT = 10**12
# An integer column of PostgreSQL (int4) holds less than 2^31 in absolute value.
INTEGER_LIMIT = 2**31
# A person's name, and each part of it, at most. No real name comes near; and an indexed value must
# fit in a btree index entry (about 2.7 kB in PostgreSQL), which 256 characters do in any script.
NAME_SIZE = 256
# Identifiers of other systems (client IDs, external references, their source), indexed too: the
# core banking system's run to a few dozen characters, and an import's rejections keep this many.
REF_SIZE = 64
# a date or a date and time as text, as the web client sends them (and nothing PostgreSQL reads otherwise)
DATE_TEXT = re.compile(r"\d{4}-\d{1,2}-\d{1,2}( \d{2}:\d{2}:\d{2})?\Z", re.ASCII)
# what no text column holds: PostgreSQL takes no NUL character, and UTF-8 no lone surrogate (JSON's
# "\ud800" reads as one)
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
# a value is quoted in an error message up to this length
QUOTED_SIZE = 40


def in_future(value, today, month=False):
    """The one definition of "in the future": after ``today`` (``month``: after this month)."""
    return ((value.year, value.month) > (today.year, today.month)) if month else value > today


def check_not_in_future(records, fname, message, month=False):
    """One definition of "not in the future" for the facts the desk records (a birth, a consent, a
    company's founding, a preference noted, a check made, income booked): after today where the user
    is (``month``: after this month). ``message(record, value)`` says it in the user's language."""
    today = fields.Date.context_today(records)
    for record in records:
        value = record[fname]
        if not value:
            continue
        if in_future(value, today, month):
            raise ValidationError(message(record, value))


class VipInputMixin(models.AbstractModel):
    """Values from outside checked before the ORM and PostgreSQL see them.

    A form, a JSON-RPC call or an import can send anything. Left alone, the ORM answers a
    malformed date ("2026-02-30") or a NUL character with a bare ``ValueError``, PostgreSQL a
    name too long for its index or an integer out of range with a database error, and NaN or
    infinite amounts are even stored, to break every screen that adds them up. Every VIP model
    inherits this mixin: such a value gets one clear, translated error naming the field, and
    nothing is saved.
    """

    _name = "vip.input.mixin"
    _description = "VIP Desk: Checked Input"

    @api.constrains(lambda self: self._input_stored_numbers())
    def _check_input_numbers(self):
        """Numbers once stored, too: a computed one (an amount converted to the company currency) is in
        no values given to create or write."""
        names = self._input_stored_numbers()
        for record in self:
            for name in names:
                message = record._input_error(record._fields[name], record[name])
                if message:
                    raise ValidationError(message)

    @api.model_create_multi
    def create(self, vals_list):
        self._check_input(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._check_input([vals])
        return super().write(vals)

    @api.model
    def _check_input(self, vals_list):
        """Raise a ``ValidationError`` on the first value of ``vals_list`` that cannot be stored.

        Called by ``create`` and ``write``; an override that uses the values before them (to create
        another record from them) calls it first.
        """
        for vals in vals_list:
            problem = self._input_problem(vals)
            if problem:
                raise ValidationError(problem[1])

    @api.model
    def _input_problem(self, vals):
        """``(field name, translated message)`` of the first value of ``vals`` that cannot be stored,
        or ``None``; for a caller that reports bad values rather than raise (an import)."""
        for name, value in vals.items():
            field = self._fields.get(name)
            message = field and self._input_error(field, value)
            if message:
                return name, message
        return None

    @api.model
    def _input_error(self, field, value):
        """Why ``value`` cannot be stored in ``field``, translated, or ``None`` when it can."""
        fault = self._input_fault(field, value)
        if not fault:
            return None
        label = field._description_string(self.env)
        text = str(value)
        quoted = text if len(text) <= QUOTED_SIZE else f"{text[:QUOTED_SIZE]}…"  # never a megabyte of it
        match fault:
            case "text":
                return self.env._('%(field)s must be text, not "%(value)s".', field=label, value=quoted)
            case "unicode":
                return self.env._(
                    "%(field)s contains an invalid character (a lone UTF-16 surrogate), which text cannot hold.",
                    field=label,
                )
            case "nul":
                return self.env._("%(field)s contains a NUL character (\\x00), which text cannot hold.", field=label)
            case "size":
                return self.env._(
                    "%(field)s is too long: %(length)s characters, at most %(max)s.",
                    field=label,
                    length=len(value),
                    max=field.size,
                )
            case "date":
                return self.env._(
                    '%(field)s: "%(value)s" is not a date; write it as YYYY-MM-DD.', field=label, value=quoted
                )
            case "datetime":
                return self.env._(
                    '%(field)s: "%(value)s" is not a date and time; write it as YYYY-MM-DD HH:MM:SS.',
                    field=label,
                    value=quoted,
                )
            case "selection":
                return self.env._('%(field)s: "%(value)s" is not one of the allowed values.', field=label, value=quoted)
            case "record":
                return self.env._('%(field)s: "%(value)s" is not a record.', field=label, value=quoted)
            case "nan":
                return self.env._('%(field)s must be a number, not "%(value)s".', field=label, value=quoted)
            case _:
                limit = f"{INTEGER_LIMIT if field.type == 'integer' else AMOUNT_LIMIT:,}"
                return self.env._(
                    "%(field)s is out of range (%(value)s): it must be less than %(limit)s in absolute value.",
                    field=label,
                    value=quoted,
                    limit=limit,
                )

    @api.model
    def _input_fault(self, field, value):
        """What is wrong with ``value`` for ``field``, as a word for ``_input_error``, or ``None``."""
        if value is None or value is False:
            return None
        if isinstance(value, str) and (unstorable := UNSTORABLE.search(value)):
            # whatever the field, not even in a date or a selection
            return "nul" if unstorable[0] == "\x00" else "unicode"
        if field.type in ("char", "text", "html"):
            return self._input_text_fault(field, value)
        if field.type == "many2one":
            return self._input_record_fault(value)
        if field.type in ("date", "datetime"):
            return self._input_date_fault(field, value)
        if field.type == "selection":
            return self._input_converted_fault(field, value)
        # a dict with an id: the ORM's own way to give an integer field a record's id (the inverse of a
        # one2many); by company: a company-dependent field's values
        if field.type in ("float", "monetary", "integer") and not (
            isinstance(value, dict) and (field.company_dependent or (field.type == "integer" and "id" in value))
        ):
            return self._input_number_fault(field, value)
        return None

    @api.model
    def _input_text_fault(self, field, value):
        # a number, a list, a dict or True would be saved as Python's spelling of it ("['a']", "True"),
        # or break the code that reads the field as text
        if not isinstance(value, str):
            return "text"
        if field.size and len(value) > field.size:
            return "size"
        return None

    @api.model
    def _input_record_fault(self, value):
        # the ORM reads any other value as "no record" and silently clears the link, and True as the
        # record 1; PostgreSQL refuses an id beyond its integer column
        if isinstance(value, bool) or not isinstance(value, int | models.NewId):
            return "record"
        if isinstance(value, int) and not 0 <= value < INTEGER_LIMIT:
            return "record"
        return None

    @api.model
    def _input_date_fault(self, field, value):
        # what the ORM reads as empty, PostgreSQL does not: 0 for a date is an error there
        if not isinstance(value, str | datetime.date):
            return field.type
        # The ORM reads the first 10 (19) characters of the text, PostgreSQL the whole of it: the two
        # must agree. "", "2026-01-01T25:00" or Arabic digits are no date to PostgreSQL, "26-01-01" is
        # the year 26 to the ORM and 2026 to PostgreSQL.
        if isinstance(value, str) and not DATE_TEXT.match(value):
            return field.type
        fault = self._input_converted_fault(field, value)
        if not fault and isinstance(value, str) and len(value) > 10:
            try:
                fields.Datetime.to_datetime(value)  # a date field reads only the date of it
            except (ValueError, TypeError, OverflowError):
                return field.type
        return fault

    @api.model
    def _input_converted_fault(self, field, value):
        """The ORM's own reading of the value: what it refuses, it refuses with a bare ValueError."""
        try:
            field.convert_to_cache(value, self)
        except (ValueError, TypeError, OverflowError):
            return field.type
        return None

    @api.model
    def _input_number_fault(self, field, value):
        try:
            number = float(value)
        except OverflowError:  # an integer beyond any float
            return "range"
        except (ValueError, TypeError):
            return "nan"
        if not math.isfinite(number):
            return "nan" if math.isnan(number) else "range"
        if field.type == "integer" and isinstance(value, str) and not value.strip().lstrip("+-").isdecimal():
            return "nan"  # the ORM reads "1.5" or "1e3" with int(), which refuses it with a bare ValueError
        if abs(number) >= (INTEGER_LIMIT if field.type == "integer" else AMOUNT_LIMIT):
            return "range"
        return None

    def _input_stored_numbers(self):
        return [name for name, field in self._fields.items() if field.store and field.type in ("float", "monetary")]
