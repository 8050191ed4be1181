import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.events.factories import accepted_meeting, participant
from twinning.events import services

pytestmark = pytest.mark.integration


def _changelist_queries(client, event) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("admin:events_meeting_changelist"))
    assert response.status_code == 200
    return len(captured)


def test_meeting_changelist_queries_do_not_grow_with_meetings(client, operator, day):
    operator.is_staff = operator.is_superuser = True
    operator.save()
    client.force_login(operator)
    accepted_meeting(participant(day), participant(day))
    services.schedule_run_start(event=day, by=operator, time_limit=5)
    one = _changelist_queries(client, day)
    for _ in range(4):
        accepted_meeting(participant(day), participant(day))
    services.schedule_run_start(event=day, by=operator, time_limit=5)
    assert _changelist_queries(client, day) == one
