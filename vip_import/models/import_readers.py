# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Reading the files the core banking system exports: CSV or XLSX, first row a header.

The file is read from a binary stream (the filestore's file, as it goes) and rows
are yielded one by one, so that a file of a million rows is never held in memory,
neither as bytes nor as Python objects; each row is ``(row_number, {column: value})``
where ``row_number`` is the line a person sees in a spreadsheet (the header is 1).
"""

import codecs
import csv
import io
import zipfile

import openpyxl

XLSX_MAGIC = b"PK\x03\x04"


class ImportFileError(ValueError):
    """The file as a whole cannot be read; the message says why, for the user."""


def normalize_header(name):
    return str(name or "").strip().lower().replace(" ", "_")


def _stream(source):
    """A seekable binary stream from ``source``: bytes, or a stream already."""
    return io.BytesIO(source) if isinstance(source, bytes) else source


def is_xlsx(stream):
    stream.seek(0)
    magic = stream.read(4)
    stream.seek(0)
    return magic == XLSX_MAGIC


def read_rows(source):
    """Yield ``(row_number, row)`` from the CSV or XLSX ``source`` (bytes or a binary stream)."""
    stream = _stream(source)
    if is_xlsx(stream):
        yield from _read_xlsx(stream)
    else:
        yield from _read_csv(stream)


def count_rows(source):
    """Number of data rows, cheaply (no row is parsed); None when the file does not say."""
    stream = _stream(source)
    if is_xlsx(stream):
        workbook = _open_xlsx(stream)
        try:
            # some programs write no size, or a wrong one: then the count is unknown (None)
            rows = workbook.active.max_row
            return rows - 1 if rows and rows > 1 else None
        finally:
            workbook.close()
    _encoding, _delimiter, lines = _sniff_csv(stream)
    return max(lines - 1, 0)


def _sniff_csv(stream):
    """Encoding, delimiter and number of non-blank lines of a CSV file, in one pass line by line."""
    stream.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8, lines, first_line = True, 0, None
    for line in stream:
        if utf8:
            try:
                decoder.decode(line)
            except UnicodeDecodeError:
                utf8 = False
        body = line.rstrip(b"\r\n")
        # old Mac line ends (a lone CR): one "line" here holds every row
        parts = body.split(b"\r") if b"\r" in body else [body]
        if first_line is None:
            first_line = parts[0]
        lines += sum(1 for part in parts if part.strip())
    if utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8 = False
    stream.seek(0)
    encoding = "utf-8-sig" if utf8 else "cp1251"
    try:
        header = (first_line or b"").decode(encoding)
    except UnicodeDecodeError as error:
        raise ImportFileError("encoding") from error
    # exports of Russian banking systems use ';', others ',' or a tab
    return encoding, max((";", ",", "\t"), key=header.count), lines


def _read_csv(stream):
    encoding, delimiter, _lines = _sniff_csv(stream)
    text = io.TextIOWrapper(stream, encoding=encoding, newline="")
    try:
        reader = csv.reader(text, delimiter=delimiter)
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
    except UnicodeDecodeError as error:
        # neither UTF-8 nor Windows-1251 (which lacks one byte): the job's savepoint takes back what was read
        raise ImportFileError("encoding") from error
    finally:
        if not text.closed:  # a reading stopped early may find its stream closed already
            text.detach()  # the stream belongs to the caller: the wrapper must not close it


def _row(header, values, empty):
    """The row by column; a short row (trailing cells left out by the exporter) is padded."""
    values = list(values)
    values += [empty] * (len(header) - len(values))
    return dict(zip(header, values, strict=False))


def _open_xlsx(stream):
    try:
        return openpyxl.load_workbook(stream, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise ImportFileError("xlsx") from error


def _read_xlsx(stream):
    workbook = _open_xlsx(stream)
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
