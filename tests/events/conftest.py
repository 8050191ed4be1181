import datetime as dt

import pytest
from django.utils import timezone

from tests.events.factories import (
    EventFactory,
    accepted_meeting,
    participant,
)
from tests.factories import OperatorFactory, OrganisationFactory, region


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
