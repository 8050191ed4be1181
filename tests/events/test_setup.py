import datetime as dt

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from tests import html_forms
from twinning.events import services
from twinning.events.models import Slot

pytestmark = pytest.mark.integration


@pytest.mark.unit
def test_slot_times_fill_each_period_with_whole_meetings():
    times = services.slot_times(dt.date(2026, 3, 12), (dt.time(9, 30), dt.time(12, 30)), 20, 5)
    starts = [start.strftime("%H:%M") for start, _end in times]
    assert starts == ["09:30", "09:55", "10:20", "10:45", "11:10", "11:35", "12:00"]
    assert times[-1][1].strftime("%H:%M") == "12:20"


def test_grid_from_the_days_hours(day):
    slots = list(day.slots.order_by("number"))
    assert len(slots) == 14
    assert [s.session for s in slots].count(Slot.Session.MORNING) == 7
    first_afternoon = slots[7].starts_at.astimezone(day.zone)
    assert first_afternoon.strftime("%H:%M") == "14:00"
    assert slots[0].starts_at.astimezone(day.zone).tzname() in {"GMT", "BST"}


def test_grid_day_must_fall_within_the_event(event, operator):
    with pytest.raises(ValidationError):
        services.grid_generate(
            event=event,
            by=operator,
            day=event.starts_on - dt.timedelta(days=3),
            morning=(dt.time(9, 0), dt.time(12, 0)),
        )


def test_grid_cannot_change_after_publication(day, operator, meeting):
    services.schedule_run_start(event=day, by=operator, time_limit=5)
    services.schedule_publish(event=day, by=operator)
    with pytest.raises(ValidationError):
        services.grid_generate(
            event=day, by=operator, day=day.starts_on, morning=(dt.time(9, 0), dt.time(12, 0))
        )


def test_tables_are_numbered_and_can_shrink(day, operator):
    services.tables_set_count(event=day, by=operator, count=6)
    assert list(day.tables.values_list("number", flat=True)) == [1, 2, 3, 4, 5, 6]
    services.tables_set_count(event=day, by=operator, count=2)
    assert day.tables.count() == 2


def test_hosted_table_needs_an_approved_participant(day, operator, leeds):
    table = day.tables.get(number=1)
    services.table_update(table=table, by=operator, name="Leeds City Council", host=leeds)
    table.refresh_from_db()
    assert table.host == leeds
    assert table.label == "Leeds City Council"


def test_interpreter_needs_two_languages(day, operator):
    with pytest.raises(ValidationError):
        services.interpreter_add(event=day, by=operator, name="Solo", languages=["ru"])
    slot = day.slots.get(number=0)
    interpreter = services.interpreter_add(
        event=day, by=operator, name="Dana", languages=["ru", "en"], unavailable_slots=[slot]
    )
    assert interpreter.languages == "en,ru"
    assert list(interpreter.unavailable_slots.all()) == [slot]


def test_members_cannot_set_up_the_day(day, leeds):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.tables_set_count(event=day, by=leeds.user, count=10)


def test_a_morning_ending_before_it_starts_is_refused_by_the_service_in_the_users_language(
    event, operator
):
    with translation.override("ru"), pytest.raises(ValidationError) as refused:
        services.grid_generate(
            event=event, by=operator, day=event.starts_on,
            morning=(dt.time(12, 30), dt.time(9, 30)),
        )  # fmt: skip
    assert refused.value.messages == ["Утро должно заканчиваться позже, чем начинается."]
    assert not Slot.objects.filter(event=event).exists()


def test_a_morning_ending_before_it_starts_is_refused_on_the_setup_page(client, event, operator):
    client.force_login(operator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "kk"
    url = reverse("events:setup", args=[event.slug])
    action = reverse("events:grid_save", args=[event.slug])
    form = html_forms.find(client.get(url).content.decode(), action=action)

    page = client.post(
        action, form.submission(morning_start="12:30", morning_end="09:30"), follow=True
    )

    assert page.status_code == 200
    assert "Таңғы бөлім басталғаннан кейін аяқталуы керек." in page.content.decode()
    assert not Slot.objects.filter(event=event).exists()
