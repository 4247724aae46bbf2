"""What a visitor reads on municipality pages: plain words, the platform's own rules named as such."""

import re
from datetime import date
from pathlib import Path

import pytest

from distrikt.municipalities.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

PROJECT = Path(__file__).resolve().parents[2]
# Management commands and shell invocations belong in the admin and the docs, not in public pages.
DEVELOPER_TEXT = re.compile(
    r"\bimport_\w+|manage\.py|\bload_bundled_data\b|\bcompute_\w+|\brecompute_\w+|\bmake (run|demo)\b"
)


@pytest.fixture
def municipality():
    return MunicipalityFactory(
        code="9301", slug="9301-testkommune", name="Testvik", valid_from=date(2024, 1, 1)
    )


def _public_templates():
    for path in PROJECT.rglob("templates/**/*.html"):
        parts = set(path.parts)
        if parts & {"admin", "staff", "wagtailadmin"}:
            continue
        yield path


def _visible_text(source: str) -> str:
    """The template without its logic: tags other than translations, and variables."""
    source = re.sub(r"{%\s*(?!translate|blocktranslate|plural)[^%]*%}", " ", source)
    source = re.sub(r"{{.*?}}", " ", source)
    return re.sub(r"{#.*?#}", " ", source)


def test_no_public_template_shows_a_command_name():
    leaks = [
        f"{path.relative_to(PROJECT)}: {match.group(0)}"
        for path in _public_templates()
        for match in DEVELOPER_TEXT.finditer(_visible_text(path.read_text(encoding="utf-8")))
    ]
    assert leaks == []


def test_the_missing_population_components_are_explained_in_plain_words(municipality, client):
    html = client.get("/kommunar/9301-testkommune/").content.decode()
    assert "tabell 06913" in html
    assert "import_ssb" not in html


def test_the_priority_answer_says_it_is_the_platforms_rule_and_links_to_it(municipality, client):
    html = client.get("/kommunar/9301-testkommune/").content.decode()
    assert 'href="/kommunar/distriktsindeksen/#prioriterte-kommunar"' in html
    assert "regelen til plattforma, ikkje ein offisiell status" in html
    method = client.get("/kommunar/distriktsindeksen/").content.decode()
    assert 'id="prioriterte-kommunar"' in method
    assert "færre enn 20\xa0000 innbyggjarar" in method


def test_the_method_page_separates_the_ministrys_method_from_the_platforms_reading(municipality, client):
    html = client.get("/kommunar/distriktsindeksen/").content.decode()
    published, _, reading = html.partition("Slik les plattforma metoden")
    assert reading, "the platform's own reading has its own heading"
    # Every published fact has a source at the ministry.
    assert published.count('href="https://www.regjeringen.no/') >= 4
    assert "40 %" in published and "Herfindahl" in published
    assert "trunkere, indeksere og summere" in published
    # The details no source gives are the platform's reading, not the ministry's.
    assert "±2,5 standardavvik" not in published
    assert "±2,5 standardavvik" in reading and "eiga tolking" in reading


def test_the_english_method_page_reads_the_truncation_in_english_numbers(municipality, client):
    html = client.get("/en/kommunar/distriktsindeksen/").content.decode()
    assert "±2.5 standard deviations" in html
    assert "platform's own reading" in html
