"""The operators' day: free tables when moving a meeting, attendance for many meetings at once."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests import html_forms
from tests.events.conftest import place
from tests.events.factories import EventFactory, accepted_meeting, participant
from twinning.core.models import AuditEntry
from twinning.events import services
from twinning.events.models import Meeting

pytestmark = pytest.mark.integration


def _hint_forms(page, slot):
    return [f for f in html_forms.forms_in(page) if f.hidden.get("slot") == str(slot.pk)]


def test_the_move_page_shows_free_tables_and_busy_participants_per_slot(
    client, day, operator, floor
):
    first = floor["meetings"][0]
    slots, tables = floor["slots"], floor["tables"]
    client.force_login(operator)
    page = client.get(reverse("events:move", args=[day.slug, first.pk])).content.decode()
    # Slot 2: Anna meets Boris at table 1, so tables 2–4 are free and Anna is busy.
    row = page.split(f'data-slot="{slots[1].pk}"')[1].split("</tr>")[0]
    assert (
        "Anna is busy" in row
        and 'class="table-warning"' in page.split(f'data-slot="{slots[1].pk}"')[0][-30:]
    )
    offered = {f.hidden["table"] for f in _hint_forms(page, slots[1])}
    assert offered == {str(t.pk) for t in tables[1:]}
    # Slot 1 is its own: the other two tables are taken, its own table and table 4 are free.
    assert {f.hidden["table"] for f in _hint_forms(page, slots[0])} == {
        str(tables[0].pk),
        str(tables[3].pk),
    }
    # Slot 3 is free for both.
    assert (
        len(_hint_forms(page, slots[2])) == 4
        and "busy" not in page.split(f'data-slot="{slots[2].pk}"')[1].split("</tr>")[0]
    )


def test_a_free_table_moves_the_meeting_in_one_post(client, day, operator, floor):
    first = floor["meetings"][0]
    slots, tables = floor["slots"], floor["tables"]
    client.force_login(operator)
    url = reverse("events:move", args=[day.slug, first.pk])
    form = next(
        f
        for f in _hint_forms(client.get(url).content.decode(), slots[2])
        if f.hidden["table"] == str(tables[1].pk)
    )
    response = client.post(url, form.submission())
    assert response.status_code == 302
    first.refresh_from_db()
    assert (first.slot, first.table, first.locked) == (slots[2], tables[1], True)


def test_a_hint_into_a_busy_slot_still_asks_to_confirm(client, day, operator, floor):
    first = floor["meetings"][0]
    slots = floor["slots"]
    client.force_login(operator)
    url = reverse("events:move", args=[day.slug, first.pk])
    form = _hint_forms(client.get(url).content.decode(), slots[1])[0]
    answer = client.post(url, form.submission()).content.decode()
    assert "already has a meeting in this slot" in answer and "Move anyway" in answer
    first.refresh_from_db()
    assert first.slot == slots[0]


def _sheet(client, day, **query):
    url = reverse("events:attendance", args=[day.slug])
    page = client.get(url, query).content.decode()
    return page, html_forms.find(page, action=url)


def test_one_post_marks_a_whole_slot(client, day, operator, floor):
    first, second, third, later = floor["meetings"]
    _anna, _boris, _cara, dan, eve, fay = floor["people"]
    client.force_login(operator)
    _page, form = _sheet(client, day, slot=floor["slots"][0].pk)
    assert form.hidden["slot"] == str(floor["slots"][0].pk)
    ticked = form.submission()["came"]
    assert len(ticked) == 6  # everyone is taken to have come until unticked
    came = [
        v
        for v in ticked
        if v not in (f"{second.pk}:{dan.pk}", f"{third.pk}:{eve.pk}", f"{third.pk}:{fay.pk}")
    ]
    response = client.post(form.action, form.submission(came=came))
    assert response.status_code == 302
    statuses = {m.pk: (m.status, m.no_show_id) for m in Meeting.objects.all()}
    assert statuses[first.pk] == (Meeting.Status.HELD, None)
    assert statuses[second.pk] == (Meeting.Status.NO_SHOW, dan.pk)
    assert statuses[third.pk] == (Meeting.Status.NO_SHOW, None)
    assert statuses[later.pk] == (Meeting.Status.SCHEDULED, None)
    assert AuditEntry.objects.filter(action__in=["meeting.held", "meeting.no_show"]).count() == 3
    # The sheet shows what was recorded: Dan unticked, and saving again changes nothing.
    _page, form = _sheet(client, day, slot=floor["slots"][0].pk)
    assert f"{second.pk}:{dan.pk}" not in form.submission()["came"]
    client.post(form.action, form.submission())
    assert AuditEntry.objects.filter(action__in=["meeting.held", "meeting.no_show"]).count() == 3


def test_the_sheet_answers_htmx_with_itself(client, day, operator, floor):
    client.force_login(operator)
    _page, form = _sheet(client, day, slot=floor["slots"][0].pk)
    answer = client.post(form.action, form.submission(), HTTP_HX_REQUEST="true").content.decode()
    assert answer.startswith('<div id="attendance-sheet">') and "<html" not in answer
    assert "The attendance sheet is saved." in answer
    assert answer.count("text-bg-success") == 3


def test_a_sheet_with_a_meeting_it_did_not_show_changes_nothing(client, day, operator, floor):
    _first, _second, _third, _later = floor["meetings"]
    other = EventFactory(programme=day.programme)
    stranger = accepted_meeting(participant(other, name="X"), participant(other, name="Y"))
    client.force_login(operator)
    _page, form = _sheet(client, day, slot=floor["slots"][0].pk)
    data = form.submission()
    data["meeting"] = [*data["meeting"], str(stranger.pk)]
    answer = client.post(form.action, data, follow=True).content.decode()
    assert "Meetings on the sheet" in answer  # the hidden field's error is named
    assert set(Meeting.objects.values_list("status", flat=True)) == {Meeting.Status.SCHEDULED}


def test_the_service_refuses_the_whole_sheet(day, operator, floor):
    first, _second, third, _later = floor["meetings"]
    services.meeting_cancel(meeting=third, by=operator)
    with pytest.raises(ValidationError):
        services.attendance_record(event=day, by=operator, sheet={first.pk: set(), third.pk: set()})
    first.refresh_from_db()
    assert first.status == Meeting.Status.SCHEDULED
    # Ticking someone who is not in the meeting is refused as well.
    with pytest.raises(ValidationError):
        services.attendance_record(
            event=day, by=operator, sheet={first.pk: {floor["people"][5].pk}}
        )


def test_a_participant_cannot_take_attendance(client, day, floor):
    first = floor["meetings"][0]
    anna = floor["people"][0]
    client.force_login(anna.user)
    url = reverse("events:attendance", args=[day.slug])
    client.post(url, {"slot": first.slot_id, "meeting": [first.pk], "came": []})
    client.post(reverse("events:absent", args=[day.slug, floor["people"][2].pk]))
    assert set(Meeting.objects.values_list("status", flat=True)) == {Meeting.Status.SCHEDULED}


def test_a_whole_participant_absent(client, day, operator, floor):
    first, _second, _third, later = floor["meetings"]
    anna, boris = floor["people"][:2]
    services.meeting_mark(meeting=later, by=operator, held=False, absent=boris)
    client.force_login(operator)
    page, _form = _sheet(client, day, participant=anna.pk)
    assert page.count("data-meeting=") == 2  # her day: two meetings
    action = reverse("events:absent", args=[day.slug, anna.pk])
    form = html_forms.find(page, action=action)
    answer = client.post(action, form.submission(), follow=True).content.decode()
    assert "Anna is marked absent from 2 meetings." in answer
    first.refresh_from_db()
    later.refresh_from_db()
    assert (first.status, first.no_show) == (Meeting.Status.NO_SHOW, anna)
    # Boris was absent already: neither came.
    assert (later.status, later.no_show) == (Meeting.Status.NO_SHOW, None)
    assert AuditEntry.objects.filter(action="registration.absent").count() == 1


@pytest.mark.pins("events:attendance")
def test_the_sheet_query_count(client, day, operator, pinned_queries):
    slot, tables = day.slots.order_by("number").first(), iter(day.tables.order_by("number"))
    grow = lambda: place(accepted_meeting(participant(day), participant(day)), slot, next(tables))  # noqa: E731

    def check(response, rows):
        assert response.content.decode().count("data-meeting=") == rows

    client.force_login(operator)
    url = reverse("events:attendance", args=[day.slug])
    assert pinned_queries(url, grow, data={"slot": slot.pk}, check=check) == 13
