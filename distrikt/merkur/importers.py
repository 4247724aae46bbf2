"""Import of shops from Excel (.xlsx) or CSV: a validation report first, then all-or-nothing.

Each row is checked with the same form as the register's edit page, so the messages are
the same. By default nothing is written when any row fails; the user may choose to
import only the valid rows.
"""

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

import openpyxl

from distrikt.municipalities.models import Municipality

from .forms import ShopForm
from .models import Chain, is_advisor

# Column heading in the file → form field. Headings are matched without case.
COLUMNS = {
    "namn": "name",
    "organisasjonsnummer": "organisation_number",
    "adresse": "address",
    "postnummer": "postcode",
    "poststad": "post_town",
    "kommunenummer": "municipality",
    "breiddegrad": "latitude",
    "lengdegrad": "longitude",
    "kjede": "chain",
    "kontaktperson": "contact_name",
    "epost": "contact_email",
    "telefon": "contact_phone",
    "medlem_sidan": "member_since",
    "opningstider": "opening_hours",
    "areal_m2": "floor_area",
    "tilsette": "employees",
}
REQUIRED_COLUMNS = ("namn", "organisasjonsnummer", "kommunenummer")


@dataclass
class RowError:
    """One rejected row with every reason, in the user's words."""

    row_number: int
    name: str
    messages: list[str]


@dataclass
class ImportReport:
    """What the file holds: valid rows ready to save and rejected rows with reasons."""

    valid_forms: list[tuple[int, ShopForm]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)
    imported: int = 0

    @property
    def row_count(self) -> int:
        return len(self.valid_forms) + len(self.errors)

    @property
    def is_clean(self) -> bool:
        return not self.errors and not self.file_errors and bool(self.valid_forms)


class ImportFileError(Exception):
    """The file cannot be read as a table at all."""


def read_rows(name: str, content: bytes) -> list[dict[str, object]]:
    """The file's rows as dicts keyed by lower-case heading; empty rows are skipped."""
    if name.lower().endswith(".xlsx"):
        try:
            workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception as error:
            raise ImportFileError(_("Excel-fila kan ikkje lesast.")) from error
        rows = list(workbook.worksheets[0].iter_rows(values_only=True))
        workbook.close()
    else:
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ImportFileError(_("CSV-fila må vere lagra som UTF-8.")) from error
        first_line = text.split("\n", 1)[0]
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    if not rows:
        raise ImportFileError(_("Fila er tom."))
    headings = [str(cell or "").strip().lower() for cell in rows[0]]
    missing = [column for column in REQUIRED_COLUMNS if column not in headings]
    if missing:
        raise ImportFileError(
            _("Fila manglar desse kolonnane: %(columns)s.") % {"columns": ", ".join(missing)}
        )
    result = []
    for row in rows[1:]:
        values = {heading: cell for heading, cell in zip(headings, row, strict=False) if heading}
        if any(str(value or "").strip() for value in values.values()):
            result.append(values)
    return result


def _as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _as_date(text: str) -> str:
    """Accept 2019-05-01 and the Norwegian 01.05.2019."""
    if text.count(".") == 2:
        day, month, year = text.split(".")
        return f"{year}-{month.zfill(2)}-{day.zfill(2)}"
    return text


def validate_rows(rows: list[dict[str, object]]) -> ImportReport:
    """Check every row; the report says which rows pass and why the others do not."""
    report = ImportReport()
    municipalities = {municipality.code: municipality.pk for municipality in Municipality.objects.current()}
    chains = {chain.name.lower(): chain.pk for chain in Chain.objects.all()}
    seen_numbers: dict[str, int] = {}
    for position, row in enumerate(rows, start=2):
        data: dict[str, str] = {"status": "active"}
        messages: list[str] = []
        for heading, field_name in COLUMNS.items():
            data[field_name] = _as_text(row.get(heading))
        data["organisation_number"] = "".join(data["organisation_number"].split())
        data["latitude"] = data["latitude"].replace(",", ".")
        data["longitude"] = data["longitude"].replace(",", ".")
        data["member_since"] = _as_date(data["member_since"])
        code = data["municipality"].zfill(4) if data["municipality"] else ""
        if code and code not in municipalities:
            messages.append(_("Kommunenummeret %(code)s finst ikkje i kommuneregisteret.") % {"code": code})
        data["municipality"] = municipalities.get(code, "")
        chain_name = data["chain"]
        if chain_name and chain_name.lower() not in chains:
            messages.append(_("Kjeda «%(chain)s» finst ikkje i lista over kjeder.") % {"chain": chain_name})
        data["chain"] = chains.get(chain_name.lower(), "") if chain_name else ""
        form = ShopForm(data=data)
        if not form.is_valid():
            for field_name, field_errors in form.errors.items():
                if field_name == "municipality" and messages:
                    continue
                if field_name == "chain" and chain_name:
                    continue
                label = form.fields[field_name].label if field_name in form.fields else _("Rada")
                messages.extend(f"{label}: {error}" for error in field_errors)
        number = data["organisation_number"]
        if number in seen_numbers:
            messages.append(
                _("Organisasjonsnummeret står alt på rad %(row)s i fila.") % {"row": seen_numbers[number]}
            )
        elif number:
            seen_numbers[number] = position
        if messages:
            report.errors.append(RowError(row_number=position, name=data["name"], messages=messages))
        else:
            report.valid_forms.append((position, form))
    return report


def check_shop_file(name: str, content: bytes) -> ImportReport:
    """Read and validate a file without writing anything."""
    try:
        rows = read_rows(name, content)
    except ImportFileError as error:
        return ImportReport(file_errors=[str(error)])
    report = validate_rows(rows)
    if not report.row_count:
        report.file_errors.append(_("Fila har ingen rader med butikkar."))
    return report


def import_shops(name: str, content: bytes, user, *, import_valid_rows: bool = False) -> ImportReport:
    """Validate the file and, when allowed, save the valid rows in one transaction."""
    if not is_advisor(user):
        raise PermissionDenied
    report = check_shop_file(name, content)
    if report.file_errors or not report.valid_forms:
        return report
    if report.errors and not import_valid_rows:
        return report
    with transaction.atomic():
        for _position, form in report.valid_forms:
            form.save()
    report.imported = len(report.valid_forms)
    return report
