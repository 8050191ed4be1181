"""Visits edited at the same moment (PostgreSQL only)."""

from django.core.exceptions import ValidationError

from tests.concurrency import CONCURRENT, at_once, refused
from tests.visits.conftest import add_person

pytestmark = CONCURRENT


def test_one_person_added_twice_at_once_is_on_the_visit_once(visit, operator):
    outcomes = at_once(*(lambda: add_person(visit, operator, "hosts", "Dana Seitova"),) * 2)
    assert refused(outcomes, ValidationError) == 1
    assert "already on the visit" in str(next(o for o in outcomes if isinstance(o, Exception)))
    assert visit.people.filter(email="dana@example.org").count() == 1
