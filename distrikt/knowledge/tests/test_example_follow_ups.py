"""Follow-ups of practical examples: the rules, the timeline, the filters and the reminders."""

import datetime

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import call_command

import pytest

from distrikt.core.models import OutboxMessage
from distrikt.knowledge.factories import (
    ArticlePageFactory,
    KnowledgeIndexPageFactory,
    PracticalExamplePageFactory,
)
from distrikt.knowledge.follow_up_reminders import due_follow_ups, send_follow_up_reminders
from distrikt.knowledge.models import ExampleFollowUp, FollowUpReminder, FollowUpStatus
from distrikt.knowledge.models.followups import milestone_date
from distrikt.municipalities.factories import IndicatorFactory

pytestmark = pytest.mark.django_db

STARTED = datetime.date(2019, 4, 1)


@pytest.fixture
def example(home_page):
    KnowledgeIndexPageFactory()
    return PracticalExamplePageFactory(title="Bygdebilen i Fjellbygd", date=STARTED)


def follow_up(example, years, status=FollowUpStatus.CONTINUED, **fields) -> ExampleFollowUp:
    item = ExampleFollowUp(
        example=example,
        after_years=years,
        followed_up_on=fields.pop("followed_up_on", milestone_date(STARTED, years)),
        status=status,
        what_happened=fields.pop("what_happened", "Bilen køyrer framleis kvar veke."),
        **fields,
    )
    item.full_clean()
    item.save()
    return item


def test_a_follow_up_cannot_be_dated_before_the_example():
    with pytest.raises(ValidationError) as raised:
        follow_up_example = PracticalExamplePageFactory(title="Tidleg", date=STARTED)
        follow_up(follow_up_example, 1, followed_up_on=datetime.date(2019, 1, 1))
    assert "followed_up_on" in raised.value.message_dict


def test_a_milestone_is_followed_up_once(example):
    follow_up(example, 1)
    with pytest.raises(ValidationError) as raised:
        follow_up(example, 1)
    assert "Dette dømet er alt fylgt opp etter så mange år." in str(raised.value)


def test_an_ended_example_cannot_run_again_later(example):
    follow_up(example, 1, status=FollowUpStatus.ENDED, what_happened="Lagt ned då tilskotet tok slutt.")
    with pytest.raises(ValidationError) as raised:
        follow_up(example, 3, status=FollowUpStatus.CONTINUED)
    assert "status" in raised.value.message_dict


def test_the_example_page_shows_the_timeline(example, client):
    indicator = IndicatorFactory(code="folketal")
    first = follow_up(example, 1, what_happened="Tre nye sjåførar.")
    first.indicators.add(indicator)
    html = client.get(example.url).content.decode()
    assert "Korleis det gjekk vidare" in html
    assert "Tre nye sjåførar." in html
    assert "Held fram" in html
    assert "Folketal 1. januar" in html
    assert "Ikkje fylgt opp enno" in html  # the 3- and 5-year milestones


def test_the_bank_filters_followed_up_examples_and_those_still_running_after_three_years(example, client):
    ended = PracticalExamplePageFactory(title="Avslutta døme", date=STARTED)
    young = PracticalExamplePageFactory(title="Fylgt opp etter eitt år", date=STARTED)
    ArticlePageFactory(title="Artikkel", date=STARTED)
    follow_up(example, 1)
    follow_up(example, 3, status=FollowUpStatus.CHANGED)
    follow_up(ended, 3, status=FollowUpStatus.ENDED, what_happened="Slutt.")
    follow_up(young, 1)
    index_url = example.get_parent().url

    def titles(query):
        response = client.get(index_url + query)
        assert response.status_code == 200
        return sorted(entry.title for entry in response.context["result"].page.object_list)

    assert titles("?oppfolging=fylgt-opp") == [
        "Avslutta døme",
        "Bygdebilen i Fjellbygd",
        "Fylgt opp etter eitt år",
    ]
    assert titles("?oppfolging=i-drift-etter-3-ar") == ["Bygdebilen i Fjellbygd"]
    response = client.get(index_url + "?oppfolging=tull")
    assert "Oppfølging" in response.content.decode()  # named among the ignored filters


def test_reminders_go_once_for_each_due_milestone(
    example, django_user_model, django_capture_on_commit_callbacks
):
    editor = django_user_model.objects.create_user("redaktor2", "redaktor2@example.org", "passord-123")
    editor.groups.add(Group.objects.get_or_create(name="Editors")[0])
    follow_up(example, 1)
    today = datetime.date(2023, 6, 1)  # 3 years have passed, 5 have not
    assert [(item.example.pk, item.years) for item in due_follow_ups(today)] == [(example.pk, 3)]
    with django_capture_on_commit_callbacks(execute=True):
        assert send_follow_up_reminders(today) == 1
    message = OutboxMessage.objects.get()
    assert message.to == ["redaktor2@example.org"]
    assert "Bygdebilen i Fjellbygd" in message.subject
    assert send_follow_up_reminders(today) == 0
    assert FollowUpReminder.objects.filter(example=example, after_years=3).exists()


def test_no_reminder_after_the_example_ended(example, django_user_model):
    follow_up(example, 1, status=FollowUpStatus.ENDED, what_happened="Slutt.")
    assert due_follow_ups(datetime.date(2026, 6, 1)) == []


def test_the_reminder_command_runs_the_task(example, django_user_model, capsys):
    editor = django_user_model.objects.create_user("redaktor3", "redaktor3@example.org", "passord-123")
    editor.groups.add(Group.objects.get_or_create(name="Editors")[0])
    call_command("remind_example_follow_ups")
    assert "Queued 3 follow-up reminder(s)." in capsys.readouterr().out  # 1, 3 and 5 years are all past
