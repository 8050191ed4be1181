"""Factories and shortcuts for events tests."""

import datetime as dt
import itertools

import factory
from django.utils import timezone

from tests.factories import MembershipFactory, OrganisationFactory, ProgrammeFactory, UserFactory
from twinning.events.models import Event, Meeting, MeetingRequest, Registration

NUMBERS = itertools.count(1)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    programme = factory.SubFactory(ProgrammeFactory)
    slug = factory.Sequence(lambda n: f"brokerage-day-{n}")
    kind = Event.Kind.BROKERAGE
    status = Event.Status.PUBLISHED
    title_en = factory.Sequence(lambda n: f"Leeds–Almaty brokerage day {n}")
    title_ru = "Биржа контактов Лидс–Алматы"
    title_kk = "Лидс–Алматы іскерлік кездесулер күні"
    venue = "Leeds Civic Hall"
    address = "Calverley Street, Leeds LS1 1UR"
    time_zone = "Europe/London"
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=30))
    ends_on = factory.LazyAttribute(lambda o: o.starts_on)
    requires_approval = False


def participant(
    event: Event,
    *,
    name: str = "",
    languages: str = "en",
    organisation=None,  # type: ignore[no-untyped-def]
    time_zone: str = "",
) -> Registration:
    """An approved participant who represents their own organisation."""
    user = UserFactory(full_name=name or f"Participant {next(NUMBERS)}")
    if time_zone:
        user.time_zone = time_zone
        user.save()
    organisation = organisation or OrganisationFactory(programme=event.programme)
    MembershipFactory(user=user, organisation=organisation)
    return Registration.objects.create(
        event=event,
        user=user,
        organisation=organisation,
        languages=languages,
        status=Registration.Status.APPROVED,
    )


def accepted_meeting(requester: Registration, recipient: Registration) -> Meeting:
    from twinning.events import services

    request = services.request_create(requester=requester, recipient=recipient, by=requester.user)
    return services.request_accept(request=request, by=recipient.user)


def pending_request(requester: Registration, recipient: Registration) -> MeetingRequest:
    from twinning.events import services

    return services.request_create(requester=requester, recipient=recipient, by=requester.user)
