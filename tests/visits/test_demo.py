"""The demo visits, built with the same step as `load_demo` on a small programme."""

import pytest
from django.utils import timezone

from tests.factories import MembershipFactory, OrganisationFactory, region, sector
from twinning.demo.plan import DemoPlan, Login
from twinning.demo.steps.base import DemoContext
from twinning.visits.demo import LEEDS_SLUG, MISSION_SLUG, load
from twinning.visits.models import Attendee, Session, Visit
from twinning.visits.selectors import itinerary_check, sessions_between

pytestmark = pytest.mark.integration

ORGANISATIONS = {
    "aire-valley": ("leeds", ["28.93"]),
    "bronte-moor": ("bradford", ["59.11"]),
    "leeds-chamber": ("leeds", ["94.11"]),
    "leeds-council": ("leeds", ["84.11"]),
    "kostanay-meat": ("kostanay", ["10.11"]),
    "steppe-light": ("almaty-city", ["59.11"]),
    "kazakh-invest": ("astana", ["84.13"]),
    "dales-tours": ("york", ["79.11"]),
}


@pytest.fixture
def context(programme, operator):  # type: ignore[no-untyped-def]
    context = DemoContext(
        plan=DemoPlan(logins=(Login(operator.email, operator.full_name, "en", is_operator=True),)),
        today=timezone.localdate(),
        now=timezone.now(),
        report=lambda _line: None,
        programme=programme,
    )
    context.users[operator.email] = operator
    for key, (where, codes) in ORGANISATIONS.items():
        organisation = OrganisationFactory(
            programme=programme,
            region=region(where),
            description=f"{key} meat processing tourism film",
        )
        organisation.sectors.set([sector(code) for code in codes])
        context.organisations[key] = organisation
        context.owners[key] = MembershipFactory(organisation=organisation).user
    return context


def test_the_ambassadors_day_and_the_return_mission(context):
    assert load(context).created == 2
    leeds, mission = Visit.objects.get(slug=LEEDS_SLUG), Visit.objects.get(slug=MISSION_SLUG)
    assert leeds.state == "published" and mission.state == "draft"
    kinds = list(leeds.sessions.values_list("kind", flat=True))
    assert kinds == ["official", "roundtable", "students", "roundtable", "reception"]
    roundtable = leeds.sessions.get(kind="roundtable", capacity=12)
    assert roundtable.proposals.exists()
    assert roundtable.attendees.filter(state=Attendee.State.ACCEPTED).exists()
    assert itinerary_check(visit=leeds) == []
    cities = set(mission.sessions.values_list("venue__address", flat=True))
    assert any("Almaty" in c for c in cities) and any("Astana" in c for c in cities)
    assert {w.kind for w in itinerary_check(visit=mission)} >= {"travel", "interpreter_unassigned"}
    # The chamber and the Almaty studio sat in a session together: the outcomes step names it
    # as where their memorandum came from.
    org = context.organisations
    shared = sessions_between(first_id=org["leeds-chamber"].pk, second_id=org["steppe-light"].pk)
    assert shared.exists()
    assert load(context).existing == 2
    assert Session.objects.count() == 9
