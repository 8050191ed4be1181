import re

import pytest
from django.urls import reverse

from tests.events.factories import accepted_meeting
from twinning.events import services
from twinning.events.models import ScheduleRun

pytestmark = pytest.mark.integration


def test_operator_reading_an_agenda_gets_no_dead_tabs(client, operator, day, leeds):
    """The operator is not registered: the tabs must not offer 'My requests'/'My agenda'."""
    client.force_login(operator)
    page = client.get(reverse("events:agenda_of", args=[day.slug, leeds.pk])).content.decode()
    assert "Lucy Leeds" in page
    assert reverse("events:my_requests", args=[day.slug]) not in page
    links = set(re.findall(r'href="(/events/[^"]+)"', page))
    assert reverse("events:schedule", args=[day.slug]) in links
    for link in links:
        assert client.get(link).status_code != 404, link


def test_participant_agenda_keeps_own_tabs(client, day, leeds):
    client.force_login(leeds.user)
    leeds.status = "approved"
    leeds.save()
    page = client.get(reverse("events:agenda", args=[day.slug])).content.decode()
    assert reverse("events:agenda", args=[day.slug]) + '"' in page


def test_solver_status_is_a_translatable_word(client, operator, day, leeds, almaty):
    accepted_meeting(leeds, almaty)
    services.schedule_run_start(event=day, by=operator, time_limit=5)
    status = ScheduleRun.objects.filter(event=day).latest("pk").solver_status
    client.force_login(operator)
    page = client.get(reverse("events:schedule", args=[day.slug])).content.decode()
    cell = re.search(r'data-testid="solver-status">([^<,]*)', page).group(1)
    assert status in {"optimal", "feasible"} and cell == status
