"""What the visit services share: locks, the audit-and-notify step, people as mail recipients."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from twinning.core.models import User
from twinning.core.services import notify
from twinning.visits.models import Attendee, Person, Session, Visit


def lock_visit(visit: Visit) -> Visit:
    return Visit.objects.select_for_update().get(pk=visit.pk)


def lock_session(session: Session) -> Session:
    return (
        Session.objects.select_for_update(of=("self",)).select_related("visit").get(pk=session.pk)
    )


def lock_attendee(attendee: Attendee) -> Attendee:
    queryset = Attendee.objects.select_for_update(of=("self",))
    return queryset.select_related("session__visit", "person").get(pk=attendee.pk)


def recipient_of(person: Person) -> User:
    """The person's account if they have one; otherwise an unsaved user carrying the address and
    the language they read, so that mail still goes out in it."""
    if person.user is not None:
        return person.user
    return User(email=person.email, full_name=person.name, language=person.language, is_active=True)


def tell(people: Iterable[Person], template: str, **context: Any) -> None:
    for person in people:
        notify(
            recipient=recipient_of(person),
            template=f"visits/email/{template}",
            context={"person": person, **context},
        )


def session_people(session: Session) -> list[Person]:
    """Everyone a change to this session concerns: its hosts, its delegates, and the guests who
    said they will come or wait for a place."""
    guests = Person.objects.filter(
        invitations__session=session,
        invitations__state__in=[Attendee.State.ACCEPTED, Attendee.State.WAITING],
    )
    people = {p.pk: p for p in [*session.hosts.all(), *session.delegates.all(), *guests]}
    return [people[pk] for pk in sorted(people)]
