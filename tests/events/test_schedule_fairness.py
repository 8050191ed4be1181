"""Fairness never costs meetings silently: the run proves it and offers the smallest limit."""

import pytest
from django.urls import reverse

from tests.events.factories import accepted_meeting, participant
from twinning.events import services
from twinning.events.models import ScheduleRun

pytestmark = pytest.mark.integration


@pytest.fixture
def forced_break(day):
    """A meets B and C; B can only come to the first slot, C only to the third, and A not to
    the second: A has a break in every schedule of both meetings."""
    slots = list(day.slots.order_by("number"))
    a, b, c = (participant(day, name=name) for name in ("Anna A", "Boris B", "Chen C"))
    services.unavailability_set(registration=a, by=a.user, slots=[slots[1]])
    services.unavailability_set(registration=b, by=b.user, slots=slots[1:])
    services.unavailability_set(registration=c, by=c.user, slots=slots[:2] + slots[3:])
    return accepted_meeting(a, b), accepted_meeting(a, c)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "With a limit of 1, every meeting fits."),
        ("ru", "С пределом 1 помещаются все встречи."),
        ("kk", "1 шегімен барлық кездесу сыяды."),
    ],
)
def test_fairness_that_costs_a_meeting_is_proven_and_the_smallest_limit_offered(
    client, day, operator, forced_break, language, text
):
    day.max_break_spread = 0
    day.save(update_fields=["max_break_spread"])

    run = services.schedule_run_start(event=day, by=operator, time_limit=10)
    run.refresh_from_db()

    assert run.status == ScheduleRun.Status.DONE
    assert run.all_fit is False
    assert run.smallest_spread == 1
    assert run.meetings_scheduled == 1
    client.force_login(operator)
    page = client.get(reverse("events:schedule", args=[day.slug]), HTTP_ACCEPT_LANGUAGE=language)
    assert text in page.content.decode()


def test_without_a_fairness_limit_every_meeting_is_placed_and_nothing_is_offered(
    client, day, operator, forced_break
):
    run = services.schedule_run_start(event=day, by=operator, time_limit=10)
    run.refresh_from_db()

    assert run.all_fit is True and run.smallest_spread is None
    assert run.meetings_scheduled == 2
    client.force_login(operator)
    page = client.get(reverse("events:schedule", args=[day.slug]))
    assert 'data-testid="fairness-offer"' not in page.content.decode()
