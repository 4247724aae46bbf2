"""Every CSV and Excel export of the site is written here, and nowhere else.

Guards that every table gets, whatever app it comes from:

- formulas are neutralised: text that starts with ``= + - @``, tab or carriage return is
  written as text (a leading ``'`` in CSV, as OWASP recommends; a string cell with
  ``quotePrefix`` in xlsx). Real numbers are never touched, negative ones included;
- characters that are illegal in XML (control characters such as ``\\x07``) are removed
  from text in both formats, so one stray byte cannot make an export fail;
- numbers stay numbers: integral values are written as integers (``23826``, never
  ``23826.0``), booleans as the localised yes/no (``1``/``0`` in machine CSV), ``None`` as
  an empty cell, dates as dates.

CSV is UTF-8 with a byte-order mark. The Norwegian interfaces (nn, nb) get semicolons and
decimal commas, which Norwegian Excel opens by double-click; English gets commas and
decimal points. ``?sep=comma`` gives the machine dialect (commas, decimal points, 1/0)
and ``?sep=semicolon`` the Norwegian one, whatever the interface language.
"""

import csv
import datetime
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeAlias

from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("csv", "xlsx")
BOM = "\ufeff"

# A spreadsheet program reads text starting with one of these as a formula (or DDE).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_TITLE_MAX = 31

Cell: TypeAlias = str | int | float | Decimal | bool | datetime.date | datetime.datetime | None


@dataclass(frozen=True)
class CsvDialect:
    """How a CSV file separates fields and writes decimals and booleans."""

    delimiter: str
    decimal_separator: str
    is_for_machines: bool = False


NORWEGIAN_EXCEL = CsvDialect(delimiter=";", decimal_separator=",")
ENGLISH_EXCEL = CsvDialect(delimiter=",", decimal_separator=".")
MACHINE = CsvDialect(delimiter=",", decimal_separator=".", is_for_machines=True)


@dataclass(frozen=True)
class Table:
    """One table of an export: a sheet in xlsx, the whole file in CSV."""

    title: str
    header: Sequence[str]
    rows: Iterable[Sequence[Cell]]


def csv_dialect_for(request: HttpRequest) -> CsvDialect:
    """The dialect asked for with ``?sep=comma|semicolon``, else the interface language's."""
    separator = request.GET.get("sep", "")
    if separator == "comma":
        return MACHINE
    if separator == "semicolon":
        return NORWEGIAN_EXCEL
    return ENGLISH_EXCEL if translation.get_language() == "en" else NORWEGIAN_EXCEL


def clean_text(value: str) -> str:
    """Text without the control characters that XML (and so xlsx) cannot hold."""
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_TRIGGERS)


def _normalised_number(value: int | float | Decimal) -> int | float | Decimal:
    """Integral values as int, so ``23826.0`` is written ``23826``."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
        return int(value)
    return value


def _yes_no(value: bool) -> str:
    return _("Ja") if value else _("Nei")


def _local(value: datetime.datetime) -> datetime.datetime:
    """Local wall-clock time without tzinfo (xlsx has no time zones)."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(tzinfo=None)


def _number_text(value: int | float | Decimal, dialect: CsvDialect) -> str:
    value = _normalised_number(value)
    if isinstance(value, int):
        return str(value)
    text = format(value, "f") if isinstance(value, Decimal) else repr(value)
    if "e" in text or "E" in text:
        text = format(Decimal(repr(value)), "f")
    return text.replace(".", dialect.decimal_separator)


def csv_cell(value: Cell, dialect: CsvDialect) -> str:
    """One value as CSV text, guarded and formatted for the dialect."""
    if value is None:
        return ""
    if isinstance(value, bool):
        if dialect.is_for_machines:
            return "1" if value else "0"
        return _yes_no(value)
    if isinstance(value, int | float | Decimal):
        return _number_text(value, dialect)
    if isinstance(value, datetime.datetime):
        return _local(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = clean_text(str(value))
    return "'" + text if is_formula_like(text) else text


def csv_bytes(table: Table, dialect: CsvDialect = NORWEGIAN_EXCEL) -> bytes:
    """The table as UTF-8 CSV with a byte-order mark and a header row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=dialect.delimiter, lineterminator="\r\n")
    writer.writerow([csv_cell(heading, dialect) for heading in table.header])
    for row in table.rows:
        writer.writerow([csv_cell(value, dialect) for value in row])
    return (BOM + buffer.getvalue()).encode("utf-8")


def _xlsx_cell(sheet: WriteOnlyWorksheet, value: Cell) -> WriteOnlyCell:
    if isinstance(value, bool):
        return WriteOnlyCell(sheet, _yes_no(value))
    if isinstance(value, int | float | Decimal):
        return WriteOnlyCell(sheet, _normalised_number(value))
    if isinstance(value, datetime.datetime):
        cell = WriteOnlyCell(sheet, _local(value))
        cell.number_format = "yyyy-mm-dd hh:mm"
        return cell
    if isinstance(value, datetime.date):
        cell = WriteOnlyCell(sheet, value)
        cell.number_format = "yyyy-mm-dd"
        return cell
    if value is None:
        return WriteOnlyCell(sheet, None)
    text = clean_text(str(value))
    cell = WriteOnlyCell(sheet, text)
    # openpyxl makes any text starting with "=" a formula; a string cell never runs, and
    # the quote prefix keeps Excel from turning it into one when someone edits the cell.
    cell.data_type = "s"
    if is_formula_like(text):
        cell.quotePrefix = True
    return cell


def sheet_title(title: str) -> str:
    """A title Excel accepts: no ``[]:*?/\\``, at most 31 characters, never empty."""
    cleaned = SHEET_TITLE_FORBIDDEN.sub("-", clean_text(title)).strip("' ")
    return cleaned[:SHEET_TITLE_MAX] or "Ark"


def xlsx_bytes(tables: Sequence[Table]) -> bytes:
    """The tables as one workbook, a sheet each, header row in bold and frozen."""
    workbook = Workbook(write_only=True)
    used_titles: set[str] = set()
    for table in tables:
        title = sheet_title(table.title)
        number = 2
        while title.casefold() in used_titles:
            suffix = f" ({number})"
            title = sheet_title(table.title)[: SHEET_TITLE_MAX - len(suffix)] + suffix
            number += 1
        used_titles.add(title.casefold())
        sheet = workbook.create_sheet(title=title)
        sheet.freeze_panes = "A2"
        header = []
        for heading in table.header:
            cell = _xlsx_cell(sheet, heading)
            cell.font = Font(bold=True)
            header.append(cell)
        sheet.append(header)
        for row in table.rows:
            sheet.append([_xlsx_cell(sheet, value) for value in row])
    if not tables:
        workbook.create_sheet(title="Ark")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def safe_filename(filename: str) -> str:
    """An ASCII file name with no path, quotes or control characters: ``Måløy data.csv`` →
    ``maaloy-data.csv``."""
    stem, dot, extension = filename.rpartition(".")
    if not dot:
        stem, extension = filename, ""
    for letter, replacement in (("æ", "ae"), ("ø", "o"), ("å", "aa"), ("Æ", "Ae"), ("Ø", "O"), ("Å", "Aa")):
        stem = stem.replace(letter, replacement)
    stem = re.sub(r"[\W_]+", " ", unicodedata.normalize("NFKC", stem))
    stem = slugify(stem) or "eksport"
    extension = re.sub(r"[^a-z0-9]", "", extension.lower())
    return f"{stem}.{extension}" if extension else stem


def render_export(
    tables: Sequence[Table], file_format: str, dialect: CsvDialect = NORWEGIAN_EXCEL
) -> tuple[bytes, str]:
    """The tables as CSV (the first table only) or xlsx: the content and its content type."""
    if file_format == "csv":
        return csv_bytes(tables[0], dialect), CSV_CONTENT_TYPE
    if file_format == "xlsx":
        return xlsx_bytes(tables), XLSX_CONTENT_TYPE
    raise ValueError(f"Unknown export format: {file_format}")


def download_response(
    content: bytes, content_type: str, filename: str, is_personal: bool = False
) -> HttpResponse:
    """An attachment with a safe file name; personal data is never kept by a cache."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=safe_filename(filename)
    )
    if is_personal:
        response["Cache-Control"] = "no-store, private"
    return response


def export_response(
    tables: Sequence[Table],
    file_format: str,
    filename: str,
    dialect: CsvDialect = NORWEGIAN_EXCEL,
    is_personal: bool = False,
) -> HttpResponse:
    """A download of the tables as CSV or xlsx; ``filename`` is given without extension."""
    content, content_type = render_export(tables, file_format, dialect)
    return download_response(content, content_type, f"{filename}.{file_format}", is_personal)
