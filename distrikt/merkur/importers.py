"""Import of shops from Excel (.xlsx) or CSV: a validation report first, then all-or-nothing.

Each row is checked with the register's edit form (ShopRowForm, with the lookups loaded
once for the file), so the messages are the same; the valid rows are inserted in bulk. By default nothing is written when any row fails; the user may choose to
import only the valid rows. Files are read within limits (MERKUR_IMPORT_MAX_ROWS and
MERKUR_IMPORT_MAX_COLUMNS), whatever size a sheet declares.
"""

import csv
import datetime
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.signal_handlers import disable_reference_index_auto_update

import openpyxl

from distrikt.core.references import index_new_objects

from .forms import ShopRowForm, ShopRowLookups
from .models import ImportJob, ImportJobStatus, Shop, is_advisor

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

    valid_forms: list[tuple[int, ShopRowForm]] = field(default_factory=list)
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


def max_rows() -> int:
    """The most shop rows one file may hold (the heading row not counted)."""
    return settings.MERKUR_IMPORT_MAX_ROWS


def max_columns() -> int:
    """Columns past this are not read at all."""
    return settings.MERKUR_IMPORT_MAX_COLUMNS


def _too_many_rows() -> ImportFileError:
    return ImportFileError(
        _("Fila har fleire enn %(rows)s rader. Del ho opp i fleire filer.") % {"rows": max_rows()}
    )


def _read_xlsx(content: bytes) -> list[tuple]:
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, IndexError) as error:
        raise ImportFileError(_("Excel-fila kan ikkje lesast.")) from error
    try:
        if not workbook.worksheets:
            raise ImportFileError(_("Excel-fila har ingen ark."))
        sheet = workbook.worksheets[0]
        # A sheet may declare any size (<dimension ref="A1:XFD1048576"/>); openpyxl would pad
        # every row to it. Forget the declaration and read only up to the limits.
        sheet.reset_dimensions()
        rows = []
        for row in sheet.iter_rows(max_row=max_rows() + 2, max_col=max_columns(), values_only=True):
            rows.append(row)
    except ImportFileError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, IndexError) as error:
        raise ImportFileError(_("Excel-fila kan ikkje lesast.")) from error
    finally:
        workbook.close()
    return rows


def _read_csv(content: bytes) -> list[list[str]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(_("CSV-fila må vere lagra som UTF-8.")) from error
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    rows = []
    try:
        for row in csv.reader(io.StringIO(text), delimiter=delimiter):
            rows.append(row[: max_columns()])
            if len(rows) > max_rows() + 1:
                break
    except csv.Error as error:
        # The csv module refuses fields over csv.field_size_limit() (131,072 characters), NUL bytes …
        raise ImportFileError(
            _("CSV-fila kan ikkje lesast på rad %(row)s: eit felt er for langt eller fila er øydelagd.")
            % {"row": len(rows) + 1}
        ) from error
    return rows


def read_rows(name: str, content: bytes) -> list[dict[str, object]]:
    """The file's rows as dicts keyed by lower-case heading; empty rows are skipped."""
    rows = _read_xlsx(content) if name.lower().endswith(".xlsx") else _read_csv(content)
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
    if len(result) > max_rows():
        raise _too_many_rows()
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


Progress = Callable[[int], None]
PROGRESS_EVERY = 100
SAVE_BATCH_SIZE = 500

# Sent once after an import has saved its shops (in the transaction, before it commits):
# the shops were inserted in bulk, so no post_save was sent for each of them.
shops_imported = Signal()


def validate_rows(rows: list[dict[str, object]], progress: Progress | None = None) -> ImportReport:
    """Check every row; the report says which rows pass and why the others do not.

    The municipalities, chains and organisation numbers in use are loaded once, so checking
    a row asks the database nothing. `progress`, when given, is told the number of rows
    checked every PROGRESS_EVERY rows.
    """
    report = ImportReport()
    lookups = ShopRowLookups.load()
    municipalities = {municipality.code: pk for pk, municipality in lookups.municipalities.items()}
    chains = {chain.name.lower(): pk for pk, chain in lookups.chains.items()}
    seen_numbers: dict[str, int] = {}
    for position, row in enumerate(rows, start=2):
        data: dict[str, str] = {}
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
        form = ShopRowForm(data=data, lookups=lookups)
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
        checked = position - 1
        if progress is not None and checked % PROGRESS_EVERY == 0:
            progress(checked)
    return report


def check_shop_file(name: str, content: bytes, progress: Progress | None = None) -> ImportReport:
    """Read and validate a file without writing anything."""
    try:
        rows = read_rows(name, content)
    except ImportFileError as error:
        return ImportReport(file_errors=[str(error)])
    report = validate_rows(rows, progress)
    if not report.row_count:
        report.file_errors.append(_("Fila har ingen rader med butikkar."))
    return report


def save_valid_rows(report: ImportReport, *, import_valid_rows: bool = False) -> ImportReport:
    """Save the valid rows in one transaction, when the report allows it; all or nothing."""
    if report.file_errors or not report.valid_forms:
        return report
    if report.errors and not import_valid_rows:
        return report
    try:
        with transaction.atomic(), disable_reference_index_auto_update():
            # One insert per batch, not a save per shop: bulk_create sends no post_save, so
            # the references (Wagtail's usage index) are written in bulk, and the page cache
            # and the accessibility analysis hear of the import once (shops_imported).
            shops = [form.save(commit=False) for _position, form in report.valid_forms]
            Shop.objects.bulk_create(shops, batch_size=SAVE_BATCH_SIZE)
            index_new_objects(shops)
            shops_imported.send(sender=Shop, shops=shops)
    except IntegrityError:
        # Someone else saved one of these shops after the rows were checked (two advisors
        # importing the same file at once). The transaction is rolled back: nothing is saved.
        report.file_errors.append(
            _(
                "Nokre av butikkane i fila vart lagde inn av nokon andre medan fila vart importert. "
                "Ingenting er lagra. Last opp fila på nytt for å sjå kva som står att."
            )
        )
        return report
    report.imported = len(report.valid_forms)
    return report


def import_shops(
    name: str,
    content: bytes,
    user,
    *,
    import_valid_rows: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Validate the file and, when allowed, save the valid rows in one transaction."""
    if not is_advisor(user):
        raise PermissionDenied
    report = check_shop_file(name, content, progress)
    return save_valid_rows(report, import_valid_rows=import_valid_rows)


def _update_job(job_id: int, **fields: object) -> None:
    """Progress is written at once (autocommit), so the status page sees it while the job runs."""
    ImportJob.objects.filter(pk=job_id).update(**fields)


def _finish_job(job: ImportJob, report: ImportReport) -> int:
    job.report = {
        "file_errors": [str(message) for message in report.file_errors],
        "errors": [
            {"row_number": error.row_number, "name": error.name, "messages": [str(m) for m in error.messages]}
            for error in report.errors
        ],
        "valid_rows": len(report.valid_forms),
    }
    job.imported = report.imported
    job.status = ImportJobStatus.DONE if report.imported else ImportJobStatus.FAILED
    job.finished_at = timezone.now()
    job.content = b""
    job.save(update_fields=["report", "imported", "status", "finished_at", "content"])
    return report.imported


def run_import_job(job_id: int) -> int:
    """Check every row of the job's file with progress, then save all valid rows in one
    transaction (or none). Returns the number of shops imported; a finished job is left alone."""
    job = ImportJob.objects.get(pk=job_id)
    if job.status != ImportJobStatus.QUEUED:
        return job.imported
    _update_job(job.pk, status=ImportJobStatus.RUNNING)
    try:
        try:
            rows = read_rows(job.file_name, bytes(job.content))
        except ImportFileError as error:
            return _finish_job(job, ImportReport(file_errors=[str(error)]))
        _update_job(job.pk, rows_total=len(rows))
        report = validate_rows(rows, progress=lambda done: _update_job(job.pk, rows_done=done))
        if not report.row_count:
            report.file_errors.append(_("Fila har ingen rader med butikkar."))
        _update_job(job.pk, status=ImportJobStatus.SAVING, rows_done=len(rows))
        return _finish_job(job, save_valid_rows(report, import_valid_rows=job.import_valid_rows))
    except Exception:
        # Nothing was saved (the save is one transaction); say so on the status page and let
        # the task backend record the traceback.
        _update_job(
            job.pk,
            status=ImportJobStatus.FAILED,
            finished_at=timezone.now(),
            report={"file_errors": [_("Importen stoppa på grunn av ein feil hos oss. Ingenting er lagra.")]},
        )
        raise
