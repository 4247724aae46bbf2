"""The brief's two files, made from one `BriefContent`: the PDF and the Excel workbook."""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from distrikt.core.exports import Table, xlsx_bytes
from distrikt.core.pdf import html_to_pdf

from .content import BriefContent


def brief_html(content: BriefContent) -> str:
    """The brief as an HTML document for WeasyPrint, in the language it was built in."""
    with translation.override(content.language):
        return render_to_string("briefs/pdf/brief.html", {"content": content, "title": brief_title(content)})


def brief_title(content: BriefContent) -> str:
    return _("Kunnskapsgrunnlag: %(area)s %(first)s–%(last)s") % {
        "area": content.area.name,
        "first": content.year_from,
        "last": content.year_to,
    }


def brief_pdf(content: BriefContent) -> bytes:
    return html_to_pdf(brief_html(content))


def brief_tables(content: BriefContent) -> list[Table]:
    """The workbook's sheets, in the brief's language: key figures, every table, the sources."""
    with translation.override(content.language):
        return _tables(content)


def _tables(content: BriefContent) -> list[Table]:
    if not content.has_data:
        return [
            Table(_("Nøkkeltal"), [_("Nøkkeltal")], [[_("Det finst ikkje data for dette området.")]]),
            _sources_table(content),
        ]
    figure_rows = [
        [figure.label, figure.value, figure.unit, figure.source.label, figure.is_demo]
        for figure in content.key_figures
    ]
    tables = [
        Table(
            _("Nøkkeltal"),
            [_("Nøkkeltal"), _("Verdi"), _("Eining"), _("Kjelde"), _("Demodata")],
            figure_rows,
        )
    ]
    for section in content.sections:
        if not section.header:
            continue
        rows = list(section.rows) or [[section.empty_text]]
        if section.source is not None:
            rows = [*rows, [], [_("Kjelde: %(source)s") % {"source": section.source.label}]]
        if section.note:
            rows = [*rows, [section.note.strip()]]
        tables.append(Table(section.title, section.header, rows))
    tables.append(_sources_table(content))
    return tables


def _sources_table(content: BriefContent) -> Table:
    return Table(
        _("Kjelder"),
        [_("Kjelde"), _("Tabell"), _("Årgang"), _("Demodata")],
        [[source.name, source.table, source.vintage, source.is_demo] for source in content.sources],
    )


def brief_workbook(content: BriefContent) -> bytes:
    return xlsx_bytes(brief_tables(content))
