"""One retention job runs every app's registered rule; the old command name still works."""

import io

from django.core.management import CommandError, call_command

import pytest

from distrikt.core import retention

pytestmark = pytest.mark.django_db


@pytest.fixture
def rules(monkeypatch):
    """An empty registry for the test, restored afterwards."""
    monkeypatch.setattr(retention, "_rules", {})
    return retention


def test_the_apps_register_their_rules():
    names = [rule.name for rule in retention.registered_rules()]
    assert {"events.registrations", "search.queries"} <= set(names)


def test_every_rule_runs_with_the_same_time_and_reports_a_count(rules):
    seen = []
    rules.register("a", lambda now: seen.append(now) or 2)
    rules.register("b", lambda now: seen.append(now) or 0)
    assert rules.apply_retention() == {"a": 2, "b": 0}
    assert len(seen) == 2 and seen[0] == seen[1]


def test_a_failing_rule_does_not_stop_the_others_but_fails_the_job(rules):
    ran = []

    def broken(now):
        raise RuntimeError("disk full")

    rules.register("broken", broken)
    rules.register("after", lambda now: ran.append(now) or 1)
    with pytest.raises(retention.RetentionError, match="broken"):
        rules.apply_retention()
    assert ran


def test_the_command_runs_one_rule_on_request_and_lists_them(rules):
    rules.register("a", lambda now: 3, "Delete a.")
    rules.register("b", lambda now: 4, "Delete b.")
    output = io.StringIO()
    call_command("apply_retention", only=["b"], stdout=output)
    assert output.getvalue() == "b: 4\n"
    listing = io.StringIO()
    call_command("apply_retention", list=True, stdout=listing)
    assert "a: Delete a." in listing.getvalue()
    with pytest.raises(CommandError):
        call_command("apply_retention", only=["nope"])


def test_the_old_command_name_runs_the_whole_job(rules):
    rules.register("a", lambda now: 5)
    output = io.StringIO()
    call_command("anonymise_registrations", stdout=output)
    assert "a: 5" in output.getvalue()


def test_the_job_can_be_enqueued(rules):
    rules.register("a", lambda now: 6)
    output = io.StringIO()
    call_command("apply_retention", enqueue=True, stdout=output)
    assert output.getvalue().startswith("Enqueued retention task")
