import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone, translation

from tests.outcomes.conftest import form_fields
from twinning.events.models import Event, Meeting
from twinning.outcomes import services
from twinning.outcomes.models import FollowUp

pytestmark = pytest.mark.integration


@pytest.fixture
def held(meeting):  # type: ignore[no-untyped-def]
    """The meeting, held at a brokerage day that ended three months ago today."""
    ended = services.months_before(timezone.localdate(), 3)
    Event.objects.filter(pk=meeting.event_id).update(starts_on=ended, ends_on=ended)
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.HELD)
    return Meeting.objects.get(pk=meeting.pk)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 5, 31), 3, dt.date(2026, 2, 28)),
        (dt.date(2026, 3, 15), 6, dt.date(2025, 9, 15)),
        (dt.date(2026, 1, 10), 3, dt.date(2025, 10, 10)),
    ],
)
def test_months_before_keeps_the_day_or_the_months_last(day, months, expected):  # type: ignore[no-untyped-def]
    assert services.months_before(day, months) == expected


def test_the_command_asks_each_participant_once_in_their_language(
    held, django_capture_on_commit_callbacks
):  # type: ignore[no-untyped-def]
    almaty = held.request.recipient.user
    almaty.language = "ru"
    almaty.save()
    site = "https://twinning.example.org"
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(2):
            call_command("send_follow_ups", f"--site-url={site}/", stdout=StringIO())
    assert FollowUp.objects.count() == 2 and len(mail.outbox) == 2
    russian = next(m for m in mail.outbox if m.to == [almaty.email])
    token = FollowUp.objects.get(registration__user=almaty).token
    assert site + reverse("outcomes:follow_up", args=[token]) in russian.body
    with translation.override("ru"):
        assert "мес. назад" in russian.body


def test_a_six_month_question_is_not_sent_three_months_after(held):  # type: ignore[no-untyped-def]
    assert services.follow_ups_send_due(today=timezone.localdate(), months=[6]) == 0


def test_an_agreement_answer_proposes_a_register_entry(client, held):  # type: ignore[no-untyped-def]
    follow_up = services.follow_up_create(
        meeting=held, registration=held.request.requester, months=3
    )
    url = reverse("outcomes:follow_up", args=[follow_up.token])
    page = client.get(url).content.decode()
    fields = {k: v[0] if v else "" for k, v in form_fields(page, url).items()}
    fields["answer"] = "agreement"
    response = client.post(url, fields).content.decode()
    assert "Record it in the partnership register" in response
    assert f"meeting={held.pk}" in response
    follow_up.refresh_from_db()
    assert follow_up.answer == "agreement" and follow_up.answered_at is not None


def test_an_unknown_token_is_404(client, db):  # type: ignore[no-untyped-def]
    assert client.get(reverse("outcomes:follow_up", args=["nope"])).status_code == 404


def test_the_command_links_to_site_url_and_refuses_without_an_address(
    held, settings, django_capture_on_commit_callbacks
):  # type: ignore[no-untyped-def]
    settings.SITE_URL = ""
    with pytest.raises(CommandError, match="--site-url"):
        call_command("send_follow_ups", stdout=StringIO())
    with pytest.raises(CommandError, match="http"):
        call_command("send_follow_ups", "--site-url=twinning.example.org", stdout=StringIO())
    assert FollowUp.objects.count() == 0 and mail.outbox == []  # nothing sent, nothing stored
    settings.SITE_URL = "https://from-settings.example.org"
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_follow_ups", stdout=StringIO())
    assert mail.outbox and all(
        "https://from-settings.example.org/" in m.body and "localhost" not in m.body
        for m in mail.outbox
    )
