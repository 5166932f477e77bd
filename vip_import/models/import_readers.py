# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Reading the files the core banking system exports: CSV or XLSX, first row a header.

Rows are yielded one by one, so that a file of a million rows is never held in
memory as Python objects; each row is ``(row_number, {column: value})`` where
``row_number`` is the line a person sees in a spreadsheet (the header is 1).
"""

import csv
import io
import zipfile

import openpyxl

XLSX_MAGIC = b"PK\x03\x04"


class ImportFileError(ValueError):
    """The file as a whole cannot be read; the message says why, for the user."""


def normalize_header(name):
    return str(name or "").strip().lower().replace(" ", "_")


def is_xlsx(data):
    return data[:4] == XLSX_MAGIC


def _decode(data):
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFileError("encoding")


def _csv_dialect(first_line):
    # exports of Russian banking systems use ';', others ',' or a tab
    return max((";", ",", "\t"), key=first_line.count)


def read_rows(data):
    """Yield ``(row_number, row)`` from the CSV or XLSX ``data`` (bytes)."""
    if is_xlsx(data):
        yield from _read_xlsx(data)
    else:
        yield from _read_csv(data)


def count_rows(data):
    """Number of data rows, cheaply (no row is parsed); None when the file does not say."""
    if is_xlsx(data):
        workbook = _open_xlsx(data)
        try:
            # some programs write no size, or a wrong one: then the count is unknown (None)
            rows = workbook.active.max_row
            return rows - 1 if rows and rows > 1 else None
        finally:
            workbook.close()
    text = _decode(data)
    return max(len([line for line in text.splitlines() if line.strip()]) - 1, 0)


def _read_csv(data):
    text = _decode(data)
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_csv_dialect(first_line))
    header = None
    for number, values in enumerate(reader, start=1):
        if header is None:
            header = [normalize_header(name) for name in values]
            continue
        if not any(value.strip() for value in values):
            continue
        yield number, _row(header, values, "")
    if header is None:
        raise ImportFileError("empty")


def _row(header, values, empty):
    """The row by column; a short row (trailing cells left out by the exporter) is padded."""
    values = list(values)
    values += [empty] * (len(header) - len(values))
    return dict(zip(header, values, strict=False))


def _open_xlsx(data):
    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise ImportFileError("xlsx") from error


def _read_xlsx(data):
    workbook = _open_xlsx(data)
    try:
        header = None
        sheet = workbook.active
        sheet.reset_dimensions()  # read every row, whatever size the file claims
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if header is None:
                header = [normalize_header(name) for name in values]
                continue
            if all(value is None or str(value).strip() == "" for value in values):
                continue
            yield number, _row(header, values, None)
        if header is None:
            raise ImportFileError("empty")
    finally:
        workbook.close()
