"""Operators read and replace "meet A before B" over the API; nobody else can."""

import pytest

from tests.api.conftest import bearer
from tests.events.factories import EventFactory, accepted_meeting, participant
from tests.factories import OperatorFactory
from twinning.events import services
from twinning.events.models import Precedence

pytestmark = pytest.mark.integration


@pytest.fixture
def meetings(event, leeds, almaty):
    """Three meetings of the event: Lucy × Aigerim, Lucy × Nurlan, Aigerim × Nurlan."""
    nurlan = participant(event, name="Nurlan Nur-Sultan")
    return [
        accepted_meeting(*pair) for pair in ((leeds, almaty), (leeds, nurlan), (almaty, nurlan))
    ]


def path(event, meeting):
    return f"/api/events/{event.slug}/meetings/{meeting.pk}/after"


def put_after(client, event, meeting, ids, headers):
    body = {"after": ids}
    return client.put(path(event, meeting), body, content_type="application/json", **headers)


def order(meeting):
    return sorted(meeting.after.values_list("pk", flat=True))


def test_operator_reads_and_replaces_the_order(client, event, operator, meetings):
    first, second, third = meetings
    services.meeting_set_after(meeting=third, after=[first], by=operator)
    headers = bearer(operator)
    before = client.get(path(event, third), **headers)
    assert before.status_code == 200, before.content
    assert before.json() == {
        "after": [
            {"id": first.pk, "requester_name": "Lucy Leeds", "recipient_name": "Aigerim Almaty"}
        ]
    }
    response = put_after(client, event, third, [second.pk], headers)
    assert response.status_code == 200, response.content
    assert [item["id"] for item in response.json()["after"]] == [second.pk]
    assert order(third) == [second.pk]
    assert put_after(client, event, third, [], headers).json() == {"after": []}
    assert not Precedence.objects.exists()


def test_a_circle_is_refused_in_the_callers_language_and_changes_nothing(
    client, event, operator, meetings
):
    first, second, third = meetings
    services.meeting_set_after(meeting=second, after=[first], by=operator)
    services.meeting_set_after(meeting=first, after=[third], by=operator)
    headers = bearer(operator) | {"HTTP_ACCEPT_LANGUAGE": "ru"}
    response = put_after(client, event, first, [second.pk], headers)
    assert response.status_code == 400
    assert response.json()["errors"]["after"] == [
        "Встреча Lucy Leeds × Aigerim Almaty уже проходит раньше встречи "
        "Lucy Leeds × Nurlan Nur-Sultan — напрямую или через другие встречи."
    ]
    assert (order(first), order(second)) == ([third.pk], [first.pk])


def test_another_events_meeting_or_an_unknown_id_is_refused(
    client, event, programme, operator, meetings
):
    first, second, _ = meetings
    services.meeting_set_after(meeting=second, after=[first], by=operator)
    other = EventFactory(programme=programme)
    elsewhere = accepted_meeting(participant(other), participant(other))
    headers = bearer(operator)
    foreign = put_after(client, event, second, [elsewhere.pk], headers)
    assert foreign.status_code == 400
    assert foreign.json()["errors"]["after"] == ["Both meetings must belong to the same event."]
    unknown = put_after(client, event, second, [first.pk, 999999], headers)
    assert unknown.status_code == 400
    assert unknown.json()["errors"]["after"] == ["No such meeting: 999999."]
    in_kazakh = put_after(client, event, second, [999999], headers | {"HTTP_ACCEPT_LANGUAGE": "kk"})
    assert in_kazakh.json()["errors"]["after"] == ["Мұндай кездесу жоқ: 999999."]
    assert order(second) == [first.pk]


def test_a_participant_can_neither_read_nor_change_the_order(
    client, event, operator, leeds, meetings
):
    first, second, _ = meetings
    services.meeting_set_after(meeting=second, after=[first], by=operator)
    headers = bearer(leeds.user)
    assert client.get(path(event, second), **headers).status_code == 403
    assert put_after(client, event, second, [], headers).status_code == 403
    assert order(second) == [first.pk]


def test_a_meeting_is_reached_only_through_its_own_event(
    client, event, programme, operator, meetings
):
    """Operators may manage every event, so the event in the URL is what keeps one event's
    meetings out of another's: named under the wrong event, a meeting looks missing."""
    first, second, _ = meetings
    services.meeting_set_after(meeting=second, after=[first], by=operator)
    other = EventFactory(programme=programme)
    headers = bearer(OperatorFactory())
    read = client.get(path(other, second), **headers)
    assert read.status_code == 404
    assert "Lucy" not in read.content.decode()
    assert put_after(client, other, second, [], headers).status_code == 404
    assert order(second) == [first.pk]
