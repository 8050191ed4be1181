import datetime as dt

import pytest
from django.utils import timezone

from tests.events.factories import (
    EventFactory,
    accepted_meeting,
    participant,
)
from tests.factories import OperatorFactory, OrganisationFactory, region
from twinning.events.models import Meeting


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):  # type: ignore[no-untyped-def]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def operator(db):  # type: ignore[no-untyped-def]
    return OperatorFactory(email="events-operator@example.org", full_name="Olga Operator")


@pytest.fixture
def event(db, programme):  # type: ignore[no-untyped-def]
    return EventFactory(programme=programme)


@pytest.fixture
def day(event, operator):  # type: ignore[no-untyped-def]
    """A brokerage day set up as in the issue: 14 slots, 4 tables."""
    from twinning.events import services

    services.grid_generate(
        event=event,
        by=operator,
        day=event.starts_on,
        morning=(dt.time(9, 30), dt.time(12, 30)),
        afternoon=(dt.time(14, 0), dt.time(17, 0)),
    )
    services.tables_set_count(event=event, by=operator, count=4)
    return event


@pytest.fixture
def leeds(event):  # type: ignore[no-untyped-def]
    return participant(event, name="Lucy Leeds", languages="en")


@pytest.fixture
def almaty(event):  # type: ignore[no-untyped-def]
    org = OrganisationFactory(programme=event.programme, region=region("almaty-city"))
    return participant(event, name="Aigerim Almaty", languages="en,ru,kk", organisation=org)


@pytest.fixture
def meeting(leeds, almaty):  # type: ignore[no-untyped-def]
    return accepted_meeting(leeds, almaty)


@pytest.fixture
def now():  # type: ignore[no-untyped-def]
    return timezone.now()


def place(meeting, slot, table):
    Meeting.objects.filter(pk=meeting.pk).update(slot=slot, table=table)
    meeting.refresh_from_db()
    return meeting


@pytest.fixture
def floor(day):
    """Slot 1: three meetings on tables 1–3; Anna also meets Boris in slot 2 (table 1)."""
    slots, tables = list(day.slots.order_by("number")), list(day.tables.order_by("number"))
    anna, boris, cara, dan, eve, fay = (
        participant(day, name=n) for n in ["Anna", "Boris", "Cara", "Dan", "Eve", "Fay"]
    )
    first = place(accepted_meeting(anna, cara), slots[0], tables[0])
    second = place(accepted_meeting(boris, dan), slots[0], tables[1])
    third = place(accepted_meeting(eve, fay), slots[0], tables[2])
    later = place(accepted_meeting(anna, boris), slots[1], tables[0])
    return {"slots": slots, "tables": tables, "people": (anna, boris, cara, dan, eve, fay),
            "meetings": (first, second, third, later)}  # fmt: skip
