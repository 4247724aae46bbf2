"""Search quality on the shipped data: recall@10 per rule group, and the same top ten on
every database (checked against a stored file in the SQLite run and the PostgreSQL run).

The data is loaded once for the module (inside a transaction rolled back at the end).
Print the table with `pytest -s distrikt/search/tests/test_search_quality.py`.
Rewrite the stored file after an intended ranking change with SEARCH_GOLDEN_WRITE=1.
"""

import json
import os
from collections import defaultdict
from pathlib import Path

from django.core.management import call_command
from django.db import transaction

import pytest

from distrikt.search import engine
from distrikt.search.indexer import rebuild

from .quality_cases import all_cases

GOLDEN_FILE = Path(__file__).with_name("golden_top10.json")
# The least recall@10 each group must keep (the measured figures are printed).
MINIMUM_RECALL = {"nn→nb": 0.85, "nb→nn": 0.85, "compounds": 0.8, "typos": 0.8, "names": 0.9}
CORPUS_PAGES = 300

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture(scope="module")
def shipped_data(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_bundled_data", demo=True, verbosity=0)
        call_command("generate_knowledge_corpus", pages=CORPUS_PAGES, verbosity=0)
        rebuild()
        yield
        transaction.set_rollback(True)


def top_ten(query: str) -> list[tuple[str, str]]:
    return [(hit.result_type, hit.title) for hit in engine.search({"q": query}).hits[:10]]


def is_found(hits: list[tuple[str, str]], expected: str, result_type: str) -> bool:
    return any(
        expected.casefold() in title.casefold() and (not result_type or kind == result_type)
        for kind, title in hits
    )


def test_the_table_has_150_cases_covering_every_group():
    cases = all_cases()
    assert len(cases) >= 150
    assert {group for group, *_rest in cases} == set(MINIMUM_RECALL)


def test_recall_at_ten_per_rule_group(shipped_data):
    found: dict[str, list[bool]] = defaultdict(list)
    missed = []
    for group, query, expected, result_type in all_cases():
        ok = is_found(top_ten(query), expected, result_type)
        found[group].append(ok)
        if not ok:
            missed.append((group, query, expected))
    print("\nrecall@10 per rule group")  # noqa: T201
    for group, outcomes in found.items():
        print(f"  {group:<10} {sum(outcomes):>4}/{len(outcomes):<4} {sum(outcomes) / len(outcomes):.2f}")  # noqa: T201
    for group, query, expected in missed:
        print(f"  missed [{group}] {query!r} -> {expected!r}")  # noqa: T201
    for group, outcomes in found.items():
        assert sum(outcomes) / len(outcomes) >= MINIMUM_RECALL[group], group


def golden_queries() -> list[str]:
    queries = [query for _group, query, _expected, _type in all_cases()]
    return [*queries[::3][:45], "kommunar", "nærbutikkane", "bærekraft", "merkur", "webinar"]


def test_the_same_top_ten_on_every_database(shipped_data):
    queries = golden_queries()
    assert len(queries) == 50
    answers = {query: [f"{kind}: {title}" for kind, title in top_ten(query)] for query in queries}
    if os.environ.get("SEARCH_GOLDEN_WRITE"):
        GOLDEN_FILE.write_text(json.dumps(answers, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(GOLDEN_FILE.read_text(encoding="utf-8"))
    differing = {
        query: (answers[query], expected.get(query))
        for query in queries
        if answers[query] != expected.get(query)
    }
    assert not differing
