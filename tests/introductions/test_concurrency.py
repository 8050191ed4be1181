"""A→B and B→A at the same moment (PostgreSQL only): no deadlock, one open introduction."""

from django.core.exceptions import ValidationError

from tests.concurrency import CONCURRENT, at_once, refused
from tests.matching.scenario import build_scenario
from twinning.introductions import services
from twinning.introductions.models import Introduction

pytestmark = CONCURRENT


def test_introductions_both_ways_at_once_end_in_one_open_introduction(programme):
    s = build_scenario(programme)
    outcomes = at_once(
        lambda: services.introduction_request(
            requester=s.leeds, recipient=s.kostanay, by=s.leeds_user, message="Hello Kostanay"
        ),
        lambda: services.introduction_request(
            requester=s.kostanay, recipient=s.leeds, by=s.kostanay_user, message="Hello Leeds"
        ),
    )
    assert refused(outcomes, ValidationError) == 1
    assert "already an open introduction" in str(
        next(o for o in outcomes if isinstance(o, Exception))
    )
    assert Introduction.objects.filter(state=Introduction.State.REQUESTED).count() == 1
