"""Precedences between meetings ("meet A before B"): set by operators only, on the meeting page
or in the admin; cycles and other events refused; kept by the optimiser; warned on a move."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from tests.events.factories import EventFactory, accepted_meeting, participant
from twinning.events import scheduler, services
from twinning.events.models import Meeting, Precedence

pytestmark = pytest.mark.integration

CIRCLE = "directly or through other meetings"


@pytest.fixture
def three(day, leeds):
    """Lucy Leeds meets three partners: meetings a, b and c."""
    return [accepted_meeting(leeds, participant(day, name=f"Partner {n}")) for n in "abc"]


def _after(meeting):
    return set(meeting.after.values_list("pk", flat=True))


def _run(event, operator):
    run = services.schedule_run_start(event=event, by=operator, time_limit=10)
    run.refresh_from_db()
    return run


def test_operator_sets_and_replaces_what_comes_first(operator, three):
    a, b, c = three
    services.meeting_set_after(meeting=c, after=[a, b], by=operator)
    assert _after(c) == {a.pk, b.pk} and set(a.before.values_list("pk", flat=True)) == {c.pk}
    services.meeting_set_after(meeting=c, after=[b], by=operator)
    assert _after(c) == {b.pk}
    services.meeting_set_after(meeting=c, after=[], by=operator)
    assert not Precedence.objects.exists()


def test_a_circle_is_refused_and_changes_nothing(operator, three):
    a, b, c = three
    services.meeting_set_after(meeting=b, after=[a], by=operator)
    services.meeting_set_after(meeting=c, after=[b], by=operator)
    with pytest.raises(ValidationError) as error:
        services.meeting_set_after(meeting=a, after=[c], by=operator)
    assert CIRCLE in error.value.messages[0]
    with pytest.raises(ValidationError):
        services.meeting_set_after(meeting=a, after=[b], by=operator)
    with pytest.raises(ValidationError) as error:
        services.meeting_set_after(meeting=a, after=[a], by=operator)
    assert error.value.messages == ["A meeting cannot take place before itself."]
    assert _after(a) == set()
    assert Precedence.objects.count() == 2


def test_a_meeting_of_another_event_is_refused(operator, programme, three):
    elsewhere = EventFactory(programme=programme)
    other = accepted_meeting(participant(elsewhere), participant(elsewhere))
    with pytest.raises(ValidationError) as error:
        services.meeting_set_after(meeting=three[0], after=[other], by=operator)
    assert error.value.messages == ["Both meetings must belong to the same event."]
    with pytest.raises(ValidationError):
        Precedence(earlier=three[0], later=other).full_clean()
    assert not Precedence.objects.exists()


def test_the_model_refuses_a_circle_too(operator, three):
    a, b, _c = three
    services.meeting_set_after(meeting=b, after=[a], by=operator)
    with pytest.raises(ValidationError) as error:
        Precedence(earlier=b, later=a).full_clean()
    assert CIRCLE in error.value.messages[0]
    Precedence(earlier=a, later=three[2]).full_clean()


def test_participants_cannot_set_the_order(client, day, leeds, three):
    a, b, _c = three
    with pytest.raises(PermissionDenied):
        services.meeting_set_after(meeting=b, after=[a], by=leeds.user)
    client.force_login(leeds.user)
    response = client.post(reverse("events:after", args=[day.slug, b.pk]), {"after": [a.pk]})
    assert response.status_code == 403
    assert not Precedence.objects.exists()


def test_the_optimiser_keeps_the_order_and_skips_cancelled_meetings(day, operator, three):
    """The order asked is the reverse of the meetings' creation."""
    a, b, c = three
    services.meeting_set_after(meeting=b, after=[c], by=operator)
    services.meeting_set_after(meeting=a, after=[b], by=operator)
    after = {m.id: m.after for m in scheduler.plan_for(day).problem.meetings}
    assert after == {str(a.pk): (str(b.pk),), str(b.pk): (str(c.pk),), str(c.pk): ()}

    _run(day, operator)
    slot = {m.pk: m.slot.number for m in Meeting.objects.select_related("slot")}
    assert slot[c.pk] < slot[b.pk] < slot[a.pk]

    services.meeting_cancel(meeting=c, by=operator)
    after = {m.id: m.after for m in scheduler.plan_for(day).problem.meetings}
    assert after == {str(a.pk): (str(b.pk),), str(b.pk): ()}


def test_a_move_against_the_order_is_warned(day, operator, three):
    a, b, _c = three
    services.meeting_set_after(meeting=b, after=[a], by=operator)
    _run(day, operator)
    a.refresh_from_db()
    b.refresh_from_db()
    table = day.tables.exclude(pk__in=[a.table_id, b.table_id]).first()
    # Into the other's slot: b no longer comes after a, nor a before b.
    for moved, other, word in ((b, a, "after"), (a, b, "before")):
        with pytest.raises(services.MoveConflict) as conflict:
            services.meeting_move(meeting=moved, by=operator, slot=other.slot, table=table)
        clock = other.slot.starts_at.astimezone(day.zone).strftime("%H:%M")
        told = f"This meeting should take place {word} {other.names}, which is at {clock}."
        assert told in conflict.value.warnings
    assert not any("should take place" in w for w in services.move_warnings(a, a.slot, a.table))


def test_the_meeting_page_sets_the_order(client, day, operator, three):
    a, b, c = three
    client.force_login(operator)
    page = client.get(reverse("events:move", args=[day.slug, c.pk])).content.decode()
    assert "Takes place after" in page and "Lucy Leeds × Partner a" in page
    url = reverse("events:after", args=[day.slug, c.pk])
    client.post(url, {"after": [a.pk, b.pk]})
    assert _after(c) == {a.pk, b.pk}
    refused = client.post(
        reverse("events:after", args=[day.slug, a.pk]), {"after": [c.pk]}, follow=True
    )
    assert CIRCLE in refused.content.decode()
    assert _after(a) == set()


def _inline(meeting, earlier):
    """The admin change form of `meeting`, with one precedence row to add."""
    return {
        "event": meeting.event_id,
        "request": meeting.request_id,
        "status": meeting.status,
        "sequence": meeting.sequence,
        "precedences-TOTAL_FORMS": "1",
        "precedences-INITIAL_FORMS": "0",
        "precedences-MIN_NUM_FORMS": "0",
        "precedences-MAX_NUM_FORMS": "1000",
        "precedences-0-earlier": earlier.pk,
        "precedences-0-later": meeting.pk,
    }


def test_admin_offers_the_same_event_and_refuses_a_circle(client, operator, programme, three):
    operator.is_superuser = True
    operator.save()
    a, b, c = three
    elsewhere = EventFactory(programme=programme)
    other = accepted_meeting(participant(elsewhere), participant(elsewhere))
    client.force_login(operator)
    url = reverse("admin:events_meeting_change", args=[b.pk])
    choices = client.get(url).context["inline_admin_formsets"][0].formset.forms[0]
    offered = set(choices.fields["earlier"].queryset.values_list("pk", flat=True))
    assert offered == {a.pk, c.pk}

    assert client.post(url, _inline(b, a)).status_code == 302
    assert _after(b) == {a.pk}
    response = client.post(reverse("admin:events_meeting_change", args=[a.pk]), _inline(a, b))
    assert response.status_code == 200 and CIRCLE in response.content.decode()
    response = client.post(url, _inline(b, other) | {"precedences-0-earlier": other.pk})
    assert response.status_code == 200
    assert _after(a) == set() and _after(b) == {a.pk}
