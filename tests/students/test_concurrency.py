"""Job fairs at the same moment (PostgreSQL only)."""

from django.core.exceptions import ValidationError

from tests.concurrency import CONCURRENT, at_once, refused
from twinning.students import services

pytestmark = CONCURRENT


def test_one_employer_added_twice_at_once_gets_one_booth(fair, kazmunai, operator):
    outcomes = at_once(
        *(lambda: services.booth_add(fair=fair, organisation=kazmunai[0], by=operator),) * 2
    )
    assert refused(outcomes, ValidationError) == 1
    assert fair.booths.filter(organisation=kazmunai[0]).count() == 1
