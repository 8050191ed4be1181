"""The demo brokerage day, built small: the same services and steps as `load_demo`, fewer people."""

import pytest
from django.utils import timezone

from tests.events.factories import EventFactory
from tests.factories import MembershipFactory, OrganisationFactory, region
from twinning.demo.plan import DemoPlan, Login
from twinning.demo.steps.base import DemoContext
from twinning.events.demo import MEETING_CAP, MET_BEFORE, SLUG, Size, brokerage_day, load
from twinning.events.models import Meeting, MeetingRequest, Precedence, Registration
from twinning.events.selectors_brokerage import rules_in_force

pytestmark = pytest.mark.integration


@pytest.fixture
def context(programme, operator):
    context = DemoContext(
        plan=DemoPlan(logins=(Login(operator.email, operator.full_name, "en", is_operator=True),)),
        today=timezone.localdate(),
        now=timezone.now(),
        report=lambda _line: None,
        programme=programme,
    )
    context.users[operator.email] = operator
    for n in range(16):
        where = region("leeds") if n % 2 else region("almaty-city")
        organisation = OrganisationFactory(
            programme=programme, region=where, working_languages="en,ru"
        )
        key = {0: "kostanay-meat", 1: "aire-valley"}.get(n, f"org-{n}")
        context.organisations[key] = organisation
        context.owners[key] = MembershipFactory(organisation=organisation).user
    return context


def test_small_brokerage_day_is_scheduled_and_published(context):
    size = Size(per_side=8, meetings=30, open_requests=3, most_per_person=5, solver_seconds=5)
    event = brokerage_day(context, size)
    assert event.registrations.filter(status=Registration.Status.APPROVED).count() == 16
    statuses = list(event.meeting_requests.values_list("status", flat=True))
    assert statuses.count(MeetingRequest.Status.ACCEPTED) == 30
    assert statuses.count(MeetingRequest.Status.REQUESTED) == 3
    assert event.versions.get().number == 1
    published = event.meetings.exclude(published_status="")
    assert published.count() == event.meetings.exclude(slot=None).count() >= 28
    assert set(published.values_list("published_status", flat=True)) == {Meeting.Status.SCHEDULED}
    # A couple of session wishes and two orders of meetings, all kept.
    wishes = event.meetings.exclude(request__session="any").select_related("slot", "request")
    assert sorted(m.request.session for m in wishes) == ["afternoon", "morning"]
    assert all(m.slot.session == m.request.session for m in wishes)
    orders = Precedence.objects.filter(later__event=event).select_related(
        "earlier__slot", "later__slot"
    )
    assert len(orders) == 2
    assert all(p.earlier.slot.number < p.later.slot.number for p in orders)
    # The rules: a cap across the programme, only the two sides meet at this day; every
    # demo request kept them.
    rules = rules_in_force(event=event)
    assert (rules.meeting_cap, rules.pairing) == (MEETING_CAP, "cross_side")
    assert not any(
        m.request.requester.organisation.side_id == m.request.recipient.organisation.side_id
        for m in event.meetings.select_related(
            "request__requester__organisation", "request__recipient__organisation"
        )
    )
    # The pair that meets at the earlier mission day has a meeting here, so the flag shows.
    met = {context.organisations[key].pk for key in MET_BEFORE}
    assert event.meetings.filter(
        request__requester__organisation__in=met, request__recipient__organisation__in=met
    ).exists()


def test_the_demo_step_leaves_an_existing_day_alone(context):
    EventFactory(slug=SLUG, programme=context.programme)
    assert load(context).existing == 1
