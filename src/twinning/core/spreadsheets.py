"""Spreadsheets in and out: the one reader of uploaded CSV and XLSX files, and the one guard on
every cell the product exports.

Reading: the encoding is found (UTF-8 with or without a byte-order mark, UTF-16, and the
Windows-1251 that Russian Excel saves) or named in the message; the delimiter is the one of
``, ; tab`` that splits the header into the most columns; the rest is standard CSV (RFC 4180 as
Excel writes it: quotes doubled inside quoted cells, newlines inside them). Every problem is a
``SpreadsheetError`` with a translated message naming the row or the problem.

Writing: a cell that starts like a formula (``= + - @``, tab, carriage return) is opened by
Excel and LibreOffice as one (CSV/formula injection, OWASP); ``safe_cell`` prefixes it with an
apostrophe, which spreadsheets read as "this is text".
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A phone number or a signed number starts with + or - and is no formula.
_NUMBER_LIKE = re.compile(r"[+-]?[\d\s().,\-]*\d")
DELIMITERS = (",", ";", "\t")
# Longer cells are refused: no field of an import holds more, and a 1 MB cell is a broken file.
MAX_CELL_CHARS = 10_000
# Some bytes stand for nothing in Windows-1251; UTF-8 text also never has these control bytes.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

Table = list[list[str]]


class SpreadsheetError(ValueError):
    """The file cannot be read; the message says why, for the person who uploaded it."""


# Reading ----------------------------------------------------------------------------------


def read_table(path: Path) -> Table:
    """The file's cells as text, row by row as the spreadsheet numbers them (empty rows kept,
    so that row 1 is the header and messages name the rows the person sees)."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        table = _csv_table(path.read_bytes())
    elif suffix == ".xlsx":
        table = _xlsx_table(path)
    else:
        raise SpreadsheetError(_("Use a .csv or .xlsx file."))
    if not any(any(row) for row in table):
        raise SpreadsheetError(_("The file is empty."))
    _check_sizes(table)
    return table


def read_records(
    path: Path, *, columns: Sequence[str], required: Sequence[str], empty: str
) -> list[tuple[int, dict[str, str]]]:
    """(spreadsheet row number, values by column) for every non-empty row of an import file;
    row 1 is the header, which names columns of `columns` (case-insensitive, in any order) and
    all of `required`. `empty` is the message for a header without rows."""
    table = read_table(path)
    header = [value.lower() for value in table[0]]
    _check_header(header, columns, required)
    rows = []
    for number, values in enumerate(table[1:], start=2):
        row = {name: value for name, value in zip(header, values, strict=False) if name}
        if any(row.values()):
            rows.append((number, row))
    if not rows:
        raise SpreadsheetError(empty)
    return rows


def _check_header(header: list[str], columns: Sequence[str], required: Sequence[str]) -> None:
    unknown = [name for name in header if name and name not in columns]
    if unknown:
        raise SpreadsheetError(
            ngettext(
                "Unknown column: %(columns)s. Allowed columns: %(allowed)s.",
                "Unknown columns: %(columns)s. Allowed columns: %(allowed)s.",
                len(unknown),
            )
            % {"columns": ", ".join(unknown), "allowed": ", ".join(columns)}
        )
    missing = [name for name in required if name not in header]
    if missing:
        raise SpreadsheetError(
            ngettext("Missing column: %(columns)s.", "Missing columns: %(columns)s.", len(missing))
            % {"columns": ", ".join(missing)}
        )


def decode(data: bytes) -> str:
    """The text of a CSV file in whichever of the encodings spreadsheets save it is in."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):  # fmt: skip
        if data.startswith(bom):
            return _decoded(data, encoding)
    if data[1:2] == b"\x00" or data[:1] == b"\x00":  # UTF-16 without a byte-order mark
        return _decoded(data, "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be")
    try:
        return _clean(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        return _clean(data.decode("cp1251"))
    except (UnicodeDecodeError, SpreadsheetError):
        raise SpreadsheetError(_unknown_encoding()) from None


def _decoded(data: bytes, encoding: str) -> str:
    try:
        return _clean(data.decode(encoding))
    except UnicodeDecodeError:
        raise SpreadsheetError(
            _("The file says it is %(encoding)s text but is not; save it again as CSV UTF-8.")
            % {"encoding": encoding.upper().removesuffix("-SIG")}
        ) from None


def _clean(text: str) -> str:
    if _CONTROL.search(text):
        raise SpreadsheetError(_unknown_encoding())
    return text


def _unknown_encoding() -> str:
    return _(
        "The file is not text in UTF-8, UTF-16 or Windows-1251 (Cyrillic); in Excel choose "
        "Save As → CSV UTF-8 and upload it again."
    )


def _csv_table(data: bytes) -> Table:
    text = decode(data)
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        return [[cell.strip() for cell in row] for row in reader]
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise SpreadsheetError(_too_long(reader.line_num)) from None
        raise SpreadsheetError(
            _("Line %(line)d is not valid CSV: a quote is not closed or is out of place.")
            % {"line": reader.line_num}
        ) from None


def _delimiter(text: str) -> str:
    """The delimiter that splits the header into the most columns (a comma on a tie)."""
    header = text[: text.find("\n") if "\n" in text else len(text)]

    def columns(delimiter: str) -> int:
        try:
            return len(next(csv.reader([header], delimiter=delimiter), []))
        except csv.Error:
            return 0

    return max(DELIMITERS, key=columns)


def _xlsx_table(path: Path) -> Table:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
        try:
            return [
                [cell_text(v) for v in row]
                for row in workbook.worksheets[0].iter_rows(values_only=True)
            ]
        finally:
            workbook.close()
    except zipfile.BadZipFile:
        raise SpreadsheetError(_not_a_workbook()) from None
    except Exception:
        raise SpreadsheetError(_not_a_workbook()) from None


def _not_a_workbook() -> str:
    return _(
        "The file is not an Excel workbook (.xlsx) or it is damaged; open it in Excel, save it "
        "again as .xlsx and upload it again."
    )


def cell_text(value: Any) -> str:
    """Text of a cell; spreadsheets turn 2015 into 2015.0 and numbers into ints."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _check_sizes(table: Table) -> None:
    for number, row in enumerate(table, start=1):
        if any(len(cell) > MAX_CELL_CHARS for cell in row):
            raise SpreadsheetError(_too_long(number))


def _too_long(row: int) -> str:
    message = _("Row %(row)d has a cell longer than %(max)d characters; no column holds that much.")
    return message % {"row": row, "max": MAX_CELL_CHARS}


def looks_like_formula(value: str) -> bool:
    return value.startswith(FORMULA_STARTS) and not _NUMBER_LIKE.fullmatch(value)


def formula_warnings(rows: Iterable[tuple[int, dict[str, str]]]) -> list[str]:
    """A warning for each imported cell a spreadsheet would run as a formula: it is stored as
    text, and exported with an apostrophe in front, but the person importing should know."""
    return [
        _(
            "Row %(row)d, %(column)s: “%(value)s” looks like a spreadsheet formula; it is kept as "
            "text."
        )
        % {"row": number, "column": column, "value": value[:40]}
        for number, row in rows
        for column, value in row.items()
        if looks_like_formula(value)
    ]


# Writing ----------------------------------------------------------------------------------


def safe_cell(value: Any) -> Any:
    """The value as an export may write it: text that a spreadsheet would run as a formula
    gets an apostrophe in front. Numbers, dates and empty cells are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(row: Sequence[Any]) -> list[Any]:
    return [safe_cell(value) for value in row]


def csv_bytes(headers: Sequence[Any], rows: Iterable[Sequence[Any]]) -> bytes:
    """UTF-8 with a byte-order mark, so Excel opens Cyrillic and Kazakh text correctly."""
    return b"".join(csv_chunks(headers, rows))


class _Line:
    """A file that hands back what is written to it: the csv writer then returns each line."""

    def write(self, text: str) -> str:
        return text


def csv_chunks(
    headers: Sequence[Any], rows: Iterable[Sequence[Any]], rows_per_chunk: int = 500
) -> Iterator[bytes]:
    """The CSV of `csv_bytes` in pieces (the byte-order mark and header first), for a streamed
    download that never holds the whole file."""
    writer = csv.writer(_Line())
    yield "\ufeff".encode() + writer.writerow(safe_row([str(h) for h in headers])).encode()
    lines: list[str] = []
    for row in rows:
        lines.append(writer.writerow(safe_row(row)))
        if len(lines) >= rows_per_chunk:
            yield "".join(lines).encode("utf-8")
            lines = []
    if lines:
        yield "".join(lines).encode("utf-8")
