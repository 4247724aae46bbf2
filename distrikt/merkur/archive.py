"""The archive package of one Merkur case: Noark 5-style metadata as XML plus the documents.

The package is a ZIP file (the layout is documented in ``schemas/merkur-arkivpakke.xsd``)::

    arkivuttrekk.xml         arkiv → arkivdel → saksmappe → journalpost → dokumentbeskrivelse
                             → dokumentobjekt, with a SHA-256 checksum and size of every file
    merkur-arkivpakke.xsd    the schema the XML is valid against
    dokument/NNN-….pdf       the documents

One journalpost per document that came in or went out, in date order: the application as
submitted (rendered to PDF/A, with the merchant's attachments as its vedlegg, kept as
uploaded), the municipality's statement, each message between advisor and merchant, and
each decision letter. The documents the platform writes are rendered as PDF/A-2b, the
variant the National Archives accept.

Documents are written one at a time into a temporary file, so a case with large
attachments never sits whole in memory. The XML is validated against the schema before the
package is handed out; an invalid package raises ``ArchivePackageInvalid`` and nobody gets it.
"""

import datetime
import hashlib
import io
import re
import tempfile
import uuid
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

import xmlschema

from distrikt.core.exports import safe_filename
from distrikt.core.pdf import PDF_A_2B, render_pdf

from .letters import decision_letter_pdf
from .models import (
    Application,
    ApplicationStatus,
    ArchiveExport,
    Attachment,
    BudgetLineKind,
    CaseMessage,
    Decision,
    DecisionOutcome,
    is_advisor,
)

NAMESPACE = "urn:no:distriktssenteret:merkur:arkivpakke:1"
SCHEMA_VERSION = "1.0"
SCHEMA_PATH = Path(__file__).resolve().parent / "schemas" / "merkur-arkivpakke.xsd"
XML_NAME = "arkivuttrekk.xml"
XSD_NAME = "merkur-arkivpakke.xsd"
DOCUMENT_FOLDER = "dokument"
ZIP_CONTENT_TYPE = "application/zip"
CHECKSUM_ALGORITHM = "SHA256"
# Noark 5 marks a screened word in offentligTittel with asterisks.
SCREENED = "******"
# systemIDs are UUIDs derived from this namespace and the object, so the same case, document
# or journalpost has the same systemID in every package made of it.
SYSTEM_ID_NAMESPACE = uuid.UUID("5c0f2f6e-7a51-4b8e-9d0a-3f1c6b2e8a47")
CHUNK_BYTES = 1024 * 1024

# Noark 5 code values.
INCOMING = "Inngående dokument"
OUTGOING = "Utgående dokument"
RECORDED = "Journalført"
DISPATCHED = "Ekspedert"
SENDER = "Avsender"
RECIPIENT = "Mottaker"
MAIN_DOCUMENT = "Hoveddokument"
ATTACHMENT = "Vedlegg"
FINISHED = "Dokumentet er ferdigstilt"
ARCHIVE_FORMAT = "Arkivformat"
PRODUCTION_FORMAT = "Produksjonsformat"
CLOSED_CASE = "Avsluttet"
OPEN_CASE = "Under behandling"
ENDED_STATUSES = (ApplicationStatus.CLOSED, ApplicationStatus.LAPSED, ApplicationStatus.WITHDRAWN)

# Format and variant by content type. JPEG and PNG are archive formats as they are; a PDF
# someone uploaded is kept as received (production format) and is not claimed to be PDF/A.
PDF_A = ("PDF/A-2b", "application/pdf", ARCHIVE_FORMAT)
UPLOADED_FORMATS = {
    "application/pdf": ("PDF", "application/pdf", PRODUCTION_FORMAT),
    "image/jpeg": ("JPEG", "image/jpeg", ARCHIVE_FORMAT),
    "image/png": ("PNG", "image/png", ARCHIVE_FORMAT),
}
EXTENSIONS = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}


class ArchivePackageInvalid(Exception):
    """The package's XML is not valid against its schema; it is not handed out."""


@dataclass(frozen=True)
class StoredFile:
    """One document as written into the package (dokumentobjekt)."""

    path: str
    original_name: str
    format: str
    mime_type: str
    variant: str
    sha256: str
    size: int


@dataclass
class DocumentSpec:
    """One document of a journalpost (dokumentbeskrivelse) and how to get its bytes."""

    key: str
    document_type: str
    title: str
    created_at: datetime.datetime
    created_by: str
    role: str
    file_stem: str
    content_type: str
    original_name: str
    content: Callable[[], bytes]
    # Rendered by the platform for the package (PDF/A); otherwise a file as it was uploaded.
    is_generated: bool = True
    stored: StoredFile | None = None


@dataclass
class RegistrationSpec:
    """One journalpost: a document that came in or went out, with its attachments."""

    key: str
    title: str
    created_at: datetime.datetime
    created_by: str
    record_type: str
    correspondent: tuple[str, str]
    documents: list[DocumentSpec] = field(default_factory=list)

    @property
    def is_outgoing(self) -> bool:
        return self.record_type == OUTGOING


@dataclass
class ArchivePackage:
    """A finished package: an open temporary file positioned at its start, and its facts."""

    file: IO[bytes]
    file_name: str
    size: int
    sha256: str
    document_count: int


@cache
def archive_schema() -> xmlschema.XMLSchema:
    """The schema that ships with every package (read once per process)."""
    return xmlschema.XMLSchema(str(SCHEMA_PATH))


def validation_errors(xml: bytes) -> list[str]:
    """What is wrong with an arkivuttrekk.xml; empty when it is valid against the schema."""
    try:
        errors = list(archive_schema().iter_errors(io.BytesIO(xml)))
    except (ET.ParseError, xmlschema.XMLSchemaException) as error:
        return [str(error)]
    return [f"{error.path}: {error.reason}" for error in errors]


def case_number(application: Application) -> str:
    """The case number on the platform and in letters: the application's id."""
    return str(application.pk)


def folder_id(application: Application) -> str:
    """Noark mappeID: the application's year (the year it was started) and its number: 2026/17."""
    return f"{application.year}/{application.pk}"


def system_id(*parts: object) -> str:
    return str(uuid.uuid5(SYSTEM_ID_NAMESPACE, ":".join(str(part) for part in parts)))


def person_name(user: Any) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def personal_names(application: Application) -> set[str]:
    """Words of the names of the people in the case: merchants, the shop's contact, the applicant.

    A sole proprietorship's name must hold its owner's surname, and small shops are often
    named after their merchant, so these words are screened wherever they stand in a title.
    """
    people = [*application.shop.merchants.all(), application.created_by]
    names = [application.shop.contact_name]
    for person in people:
        if person is not None:
            names += [person.first_name, person.last_name]
    words = {word for name in names for word in re.split(r"[\s\-]+", name or "") if len(word) >= 2}
    return {word.casefold() for word in words}


def screened_title(title: str, names: Iterable[str]) -> str:
    """The public title (offentligTittel): every word of a person's name becomes ******."""
    words = sorted(names, key=len, reverse=True)
    if not words:
        return title
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(word) for word in words) + r")(?!\w)", re.IGNORECASE
    )
    return pattern.sub(SCREENED, title)


def first_submitted_at(application: Application) -> datetime.datetime:
    """When the centre first received the application (``submitted_at`` is the latest time)."""
    first = (
        application.events.filter(to_status=ApplicationStatus.SUBMITTED)
        .order_by("at", "pk")
        .values_list("at", flat=True)
        .first()
    )
    return first or application.submitted_at or application.created_at


def _local(moment: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(moment) if timezone.is_aware(moment) else moment


def _datetime(moment: datetime.datetime) -> str:
    return _local(moment).isoformat(timespec="seconds")


def _date(moment: datetime.datetime) -> str:
    return _local(moment).date().isoformat()


def _attachment_content(attachment_id: int) -> Callable[[], bytes]:
    """Read one attachment's bytes only when it is written, so one at a time is in memory."""

    def read() -> bytes:
        return bytes(Attachment.objects.filter(pk=attachment_id).values_list("content", flat=True).get())

    return read


def _shop_party(application: Application) -> str:
    shop = application.shop.name
    if application.enterprise_name and application.enterprise_name != shop:
        return f"{shop} ({application.enterprise_name})"
    return shop


def _render(template: str, context: dict[str, Any]) -> Callable[[], bytes]:
    return lambda: render_pdf(template, context, language="nn", pdf_variant=PDF_A_2B)


def case_title(application: Application) -> str:
    """The case's title: the scheme and the shop (the public title screens names in it)."""
    if application.appeal_of_id:
        title = _("Klage på vedtak: %(scheme)s – %(shop)s")
    else:
        title = _("Søknad om %(scheme)s – %(shop)s")
    return title % {"scheme": application.scheme.name, "shop": application.shop.name}


def _application_registration(application: Application) -> RegistrationSpec:
    submitted_at = first_submitted_at(application)
    lines = list(application.budget_lines.all())
    attachments = list(application.attachments.defer("content").select_related("uploaded_by"))
    context = {
        "application": application,
        "case_number": case_number(application),
        "appeal_case_number": str(application.appeal_of.application_id) if application.appeal_of else "",
        "extra_services": application.extra_services.all(),
        "cost_lines": [line for line in lines if line.kind == BudgetLineKind.COST],
        "financing_lines": [line for line in lines if line.kind == BudgetLineKind.FINANCING],
        "total_cost": application.total_cost,
        "total_financing": application.total_financing,
        "attachments": attachments,
        "title": _("Søknad"),
    }
    registration = RegistrationSpec(
        key=f"application:{application.pk}",
        title=case_title(application),
        created_at=submitted_at,
        created_by=person_name(application.created_by),
        record_type=INCOMING,
        correspondent=(SENDER, _shop_party(application)),
    )
    registration.documents.append(
        DocumentSpec(
            key=f"application-document:{application.pk}",
            document_type=_("Søknad"),
            title=registration.title,
            created_at=submitted_at,
            created_by=person_name(application.created_by),
            role=MAIN_DOCUMENT,
            file_stem="soknad",
            content_type="application/pdf",
            original_name=f"soknad-merkur-{application.pk}.pdf",
            content=_render("merkur/pdf/application.html", context),
        )
    )
    for attachment in attachments:
        stem = safe_filename(attachment.file_name).rsplit(".", 1)[0][:60]
        registration.documents.append(
            DocumentSpec(
                key=f"attachment:{attachment.pk}",
                document_type=_("Vedlegg"),
                title=attachment.description or attachment.file_name,
                created_at=attachment.uploaded_at,
                created_by=person_name(attachment.uploaded_by),
                role=ATTACHMENT,
                file_stem=f"vedlegg-{stem}",
                content_type=attachment.content_type,
                original_name=attachment.file_name,
                content=_attachment_content(attachment.pk),
                is_generated=False,
            )
        )
    return registration


def _statement_registration(application: Application) -> RegistrationSpec:
    received_at = application.statement_received_at or first_submitted_at(application)
    municipality = application.municipality or application.shop.municipality
    title = _("Fråsegn frå %(municipality)s") % {"municipality": municipality.name}
    context = {
        "application": application,
        "case_number": case_number(application),
        "municipality_name": municipality.name,
        "title": title,
    }
    return RegistrationSpec(
        key=f"statement:{application.pk}",
        title=title,
        created_at=received_at,
        created_by="",
        record_type=INCOMING,
        correspondent=(SENDER, municipality.name),
        documents=[
            DocumentSpec(
                key=f"statement-document:{application.pk}",
                document_type=_("Fråsegn"),
                title=title,
                created_at=received_at,
                created_by="",
                role=MAIN_DOCUMENT,
                file_stem="fraasegn",
                content_type="application/pdf",
                original_name=f"fraasegn-merkur-{application.pk}.pdf",
                content=_render("merkur/pdf/municipality_statement.html", context),
            )
        ],
    )


def _message_registration(
    application: Application, message: CaseMessage, is_from_advisor: bool
) -> RegistrationSpec:
    if message.is_information_request:
        title = _("Førespurnad om meir informasjon")
    elif is_from_advisor:
        title = _("Melding til kjøpmannen")
    else:
        title = _("Melding frå kjøpmannen")
    sender = person_name(message.sender)
    context = {
        "application": application,
        "case_number": case_number(application),
        "message": message,
        "sender_name": sender,
        "title": title,
    }
    return RegistrationSpec(
        key=f"message:{message.pk}",
        title=title,
        created_at=message.created_at,
        created_by=sender,
        record_type=OUTGOING if is_from_advisor else INCOMING,
        correspondent=(RECIPIENT if is_from_advisor else SENDER, _shop_party(application)),
        documents=[
            DocumentSpec(
                key=f"message-document:{message.pk}",
                document_type=_("Melding"),
                title=title,
                created_at=message.created_at,
                created_by=sender,
                role=MAIN_DOCUMENT,
                file_stem="melding",
                content_type="application/pdf",
                original_name=f"melding-merkur-{application.pk}-{message.pk}.pdf",
                content=_render("merkur/pdf/case_message.html", context),
            )
        ],
    )


def _decision_registration(application: Application, decision: Decision) -> RegistrationSpec:
    if decision.outcome == DecisionOutcome.GRANT:
        title = _("Vedtak om tilskot")
    else:
        title = _("Vedtak om avslag på søknad om tilskot")
    decided_by = person_name(decision.decided_by)
    return RegistrationSpec(
        key=f"decision:{decision.pk}",
        title=title,
        created_at=decision.decided_at,
        created_by=decided_by,
        record_type=OUTGOING,
        correspondent=(RECIPIENT, _shop_party(application)),
        documents=[
            DocumentSpec(
                key=f"decision-letter:{decision.pk}",
                document_type=_("Vedtak"),
                title=title,
                created_at=decision.decided_at,
                created_by=decided_by,
                role=MAIN_DOCUMENT,
                file_stem="vedtak",
                content_type="application/pdf",
                original_name=f"vedtak-merkur-{application.pk}-{decision.pk}.pdf",
                content=lambda: decision_letter_pdf(decision, language="nn", pdf_variant=PDF_A_2B),
            )
        ],
    )


def case_registrations(application: Application) -> list[RegistrationSpec]:
    """Every journalpost of the case in date order (documents are not rendered yet)."""
    registrations = [_application_registration(application)]
    if application.municipality_statement.strip():
        registrations.append(_statement_registration(application))
    advisor_by_user: dict[int | None, bool] = {}
    for message in application.messages.select_related("sender"):
        if message.sender_id not in advisor_by_user:
            advisor_by_user[message.sender_id] = is_advisor(message.sender)
        registrations.append(_message_registration(application, message, advisor_by_user[message.sender_id]))
    for decision in application.decisions.select_related("decided_by"):
        decision.application = application
        registrations.append(_decision_registration(application, decision))
    registrations.sort(key=lambda registration: registration.created_at)
    return registrations


def _write_document(archive: zipfile.ZipFile, number: int, document: DocumentSpec) -> StoredFile:
    """Write one document into the ZIP and return its checksum and size."""
    content = document.content()
    format_name, mime_type, variant = (
        PDF_A if document.is_generated else UPLOADED_FORMATS[document.content_type]
    )
    extension = EXTENSIONS[mime_type]
    path = f"{DOCUMENT_FOLDER}/{number:03d}-{document.file_stem}.{extension}"
    # PDF, JPEG and PNG are compressed already: storing them saves time and loses nothing.
    archive.writestr(path, content, compress_type=zipfile.ZIP_STORED)
    return StoredFile(
        path=path,
        original_name=document.original_name,
        format=format_name,
        mime_type=mime_type,
        variant=variant,
        sha256=hashlib.sha256(content).hexdigest(),
        size=len(content),
    )


def _sub(parent: ET.Element, name: str, text: object | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{NAMESPACE}}}{name}", attributes)
    if text is not None:
        element.text = str(text)
    return element


def _optional(parent: ET.Element, name: str, text: object | None) -> None:
    if text not in (None, ""):
        _sub(parent, name, text)


def _merkur_facts(parent: ET.Element, application: Application) -> None:
    facts = _sub(parent, "merkurSak")
    _sub(facts, "ordning", application.scheme.name, kode=application.scheme.slug)
    _sub(facts, "butikk", application.shop.name)
    _sub(facts, "organisasjonsnummer", application.organisation_number)
    _optional(facts, "verksemdsnamn", application.enterprise_name)
    municipality = application.shop.municipality
    _sub(facts, "kommune", municipality.name, nummer=municipality.code)
    _sub(facts, "status", application.status)
    _optional(facts, "soektBeloep", application.requested_amount)
    _optional(facts, "innvilgaBeloep", application.granted_amount)
    _sub(facts, "utbetaltBeloep", application.paid_amount)
    if application.appeal_of is not None:
        _sub(facts, "klagePaaSak", folder_id(application.appeal_of.application))
    _sub(facts, "demodata", "true" if application.is_demo else "false")
    for payment in application.payments.all():
        entry = _sub(facts, "utbetaling")
        _sub(entry, "dato", _datetime(payment.registered_at))
        _sub(entry, "beloep", payment.amount)
        _sub(entry, "sluttutbetaling", "true" if payment.is_final else "false")
    for event in application.events.select_related("actor"):
        entry = _sub(facts, "hending")
        _sub(entry, "tidspunkt", _datetime(event.at))
        _optional(entry, "fraStatus", event.from_status)
        _sub(entry, "tilStatus", event.to_status)
        _optional(entry, "utfoertAv", person_name(event.actor))
        _optional(entry, "kommentar", event.comment.strip())


def _closed_at(application: Application) -> datetime.datetime | None:
    if application.status not in ENDED_STATUSES:
        return None
    last = application.events.filter(to_status=application.status).order_by("-at", "-pk").first()
    return last.at if last else application.updated_at


def _registration_element(
    folder: ET.Element,
    application: Application,
    registration: RegistrationSpec,
    number: int,
    names: set[str],
    made_at: datetime.datetime,
) -> None:
    post = _sub(folder, "journalpost")
    _sub(post, "systemID", system_id("journalpost", registration.key))
    _sub(post, "opprettetDato", _datetime(registration.created_at))
    _optional(post, "opprettetAv", registration.created_by)
    _sub(post, "registreringsID", f"{folder_id(application)}-{number}")
    _sub(post, "tittel", registration.title)
    _sub(post, "offentligTittel", screened_title(registration.title, names))
    party = _sub(post, "korrespondansepart")
    _sub(party, "korrespondanseparttype", registration.correspondent[0])
    _sub(party, "korrespondansepartNavn", registration.correspondent[1])
    for document_number, document in enumerate(registration.documents, start=1):
        stored = document.stored
        if stored is None:
            raise ArchivePackageInvalid(f"{document.key} was not written")
        description = _sub(post, "dokumentbeskrivelse")
        _sub(description, "systemID", system_id("dokumentbeskrivelse", document.key))
        _sub(description, "dokumenttype", document.document_type)
        _sub(description, "dokumentstatus", FINISHED)
        _sub(description, "tittel", document.title)
        _sub(description, "opprettetDato", _datetime(document.created_at))
        _optional(description, "opprettetAv", document.created_by)
        _sub(description, "tilknyttetRegistreringSom", document.role)
        _sub(description, "dokumentnummer", document_number)
        _sub(description, "tilknyttetDato", _datetime(document.created_at))
        file_object = _sub(description, "dokumentobjekt")
        _sub(file_object, "versjonsnummer", 1)
        _sub(file_object, "variantformat", stored.variant)
        _sub(file_object, "format", stored.format)
        _sub(file_object, "mimeType", stored.mime_type)
        # The file of a generated document was made with the package; an upload when it came.
        file_made_at = made_at if document.is_generated else document.created_at
        _sub(file_object, "opprettetDato", _datetime(file_made_at))
        _sub(file_object, "referanseDokumentfil", stored.path)
        _sub(file_object, "filnavn", stored.original_name)
        _sub(file_object, "sjekksum", stored.sha256)
        _sub(file_object, "sjekksumAlgoritme", CHECKSUM_ALGORITHM)
        _sub(file_object, "filstoerrelse", stored.size)
    _sub(post, "journalaar", _local(registration.created_at).year)
    _sub(post, "journalpostnummer", number)
    _sub(post, "journalposttype", registration.record_type)
    _sub(post, "journalstatus", DISPATCHED if registration.is_outgoing else RECORDED)
    _sub(post, "journaldato", _date(registration.created_at))
    _sub(post, "dokumentetsDato", _date(registration.created_at))
    _sub(post, "sendtDato" if registration.is_outgoing else "mottattDato", _datetime(registration.created_at))


def archive_xml(
    application: Application,
    registrations: list[RegistrationSpec],
    *,
    made_by: Any,
    made_at: datetime.datetime,
) -> bytes:
    """arkivuttrekk.xml for the case; every document must already be written (checksums)."""
    ET.register_namespace("", NAMESPACE)
    ET.register_namespace("xsi", "http://www.w3.org/2001/XMLSchema-instance")
    root = ET.Element(
        f"{{{NAMESPACE}}}arkiv",
        {
            "versjon": SCHEMA_VERSION,
            "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation": f"{NAMESPACE} {XSD_NAME}",
        },
    )
    _sub(root, "systemID", system_id("arkiv", "merkur"))
    _sub(root, "tittel", _("Distriktssenteret: Merkur-programmet"))
    _sub(root, "beskrivelse", _("Tilskotssaker i Merkur-programmet, ei sak per arkivpakke."))
    _sub(root, "opprettetDato", _datetime(made_at))
    _sub(root, "opprettetAv", person_name(made_by))
    creator = _sub(root, "arkivskaper")
    _sub(creator, "arkivskaperID", settings.MERKUR_ARCHIVE_CREATOR_ID)
    _sub(creator, "arkivskaperNavn", _("Distriktssenteret"))
    part = _sub(root, "arkivdel")
    _sub(part, "systemID", system_id("arkivdel", "merkur-tilskotssaker"))
    _sub(part, "tittel", _("Merkur: tilskotssaker"))

    names = personal_names(application)
    folder = _sub(part, "saksmappe")
    _sub(folder, "systemID", system_id("saksmappe", application.pk))
    _sub(folder, "mappeID", folder_id(application))
    title = case_title(application)
    _sub(folder, "tittel", title)
    _sub(folder, "offentligTittel", screened_title(title, names))
    _sub(folder, "opprettetDato", _datetime(application.created_at))
    _optional(folder, "opprettetAv", person_name(application.created_by))
    closed_at = _closed_at(application)
    if closed_at is not None:
        _sub(folder, "avsluttetDato", _datetime(closed_at))
    _sub(folder, "saksaar", application.year)
    _sub(folder, "sakssekvensnummer", application.pk)
    _sub(folder, "saksdato", _date(first_submitted_at(application)))
    _sub(folder, "administrativEnhet", _("Merkur"))
    _optional(folder, "saksansvarlig", person_name(application.assigned_advisor))
    _sub(folder, "saksstatus", CLOSED_CASE if application.status in ENDED_STATUSES else OPEN_CASE)
    _merkur_facts(folder, application)
    for number, registration in enumerate(registrations, start=1):
        _registration_element(folder, application, registration, number, names, made_at)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def package_file_name(application: Application) -> str:
    return f"merkur-sak-{application.pk}-arkivpakke.zip"


def _file_sha256(handle: IO[bytes]) -> tuple[str, int]:
    handle.seek(0)
    digest = hashlib.sha256()
    size = 0
    while chunk := handle.read(CHUNK_BYTES):
        digest.update(chunk)
        size += len(chunk)
    handle.seek(0)
    return digest.hexdigest(), size


def build_archive_package(application: Application, *, made_by: Any) -> ArchivePackage:
    """Write the case's package to a temporary file; refuse it if the XML is not valid."""
    application = Application.objects.select_related(
        "scheme",
        "shop__municipality",
        "created_by",
        "assigned_advisor",
        "municipality",
        "appeal_of__application",
    ).get(pk=application.pk)
    handle = tempfile.TemporaryFile()  # noqa: SIM115 - the response closes it after sending
    try:
        with translation.override("nn"), zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
            registrations = case_registrations(application)
            number = 0
            for registration in registrations:
                for document in registration.documents:
                    number += 1
                    document.stored = _write_document(archive, number, document)
            xml = archive_xml(application, registrations, made_by=made_by, made_at=timezone.now())
            errors = validation_errors(xml)
            if errors:
                raise ArchivePackageInvalid("; ".join(errors[:5]))
            archive.writestr(XML_NAME, xml)
            archive.write(SCHEMA_PATH, XSD_NAME)
        sha256, size = _file_sha256(handle)
    except BaseException:
        handle.close()
        raise
    return ArchivePackage(
        file=handle,
        file_name=package_file_name(application),
        size=size,
        sha256=sha256,
        document_count=number,
    )


def export_archive_package(application: Application, user: Any) -> ArchivePackage:
    """An advisor takes the case's archive package; the download is logged with its checksum."""
    if not is_advisor(user):
        raise PermissionDenied
    package = build_archive_package(application, made_by=user)
    try:
        with transaction.atomic():
            ArchiveExport.objects.create(
                application=application,
                user=user,
                document_count=package.document_count,
                size=package.size,
                sha256=package.sha256,
            )
    except BaseException:
        package.file.close()
        raise
    return package
