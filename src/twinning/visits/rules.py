"""Named permissions for visits, their itinerary, attendees and briefing packs (django-rules).

A visit is private to operators and the people on it until it is published. Attendee lists are
for operators, the delegation and host team, and the guests of that one session.
"""

from __future__ import annotations

from typing import Any

import rules

from twinning.core.rules import is_operator
from twinning.visits.models import Attendee, Person, Session, Visit
from twinning.visits.states import ANSWER_FLOW, VISIT_FLOW

State = Visit.State
TEAMS = (Person.Team.DELEGATION, Person.Team.HOSTS)


def _people_of(user: Any, visit_id: int) -> Any:
    if not user.is_authenticated:
        return Person.objects.none()
    mine = Person.objects.filter(visit_id=visit_id)
    return mine.filter(user=user) | mine.filter(user__isnull=True, email__iexact=user.email)


def _visit_of(obj: Visit | Session | None) -> Visit | None:
    return obj.visit if isinstance(obj, Session) else obj


@rules.predicate
def is_published(user: Any, visit: Visit | Session | None) -> bool:
    visit = _visit_of(visit)
    return visit is not None and visit.state in {State.PUBLISHED, State.HELD}


@rules.predicate
def is_on_team(user: Any, visit: Visit | Session | None) -> bool:
    """A delegate or a member of the host team."""
    visit = _visit_of(visit)
    return visit is not None and _people_of(user, visit.pk).filter(team__in=TEAMS).exists()


@rules.predicate
def is_invited(user: Any, visit: Visit | None) -> bool:
    """A guest with an invitation to one of the visit's sessions that was not withdrawn."""
    if visit is None:
        return False
    guests = _people_of(user, visit.pk).filter(team=Person.Team.GUEST)
    return (
        Attendee.objects.filter(person__in=guests).exclude(state=Attendee.State.WITHDRAWN).exists()
    )


@rules.predicate
def is_session_guest(user: Any, session: Session | None) -> bool:
    if session is None:
        return False
    people = _people_of(user, session.visit_id)
    return (
        session.attendees.filter(person__in=people).exclude(state=Attendee.State.WITHDRAWN).exists()
    )


@rules.predicate
def is_invitee(user: Any, attendee: Attendee | None) -> bool:
    """The invitation belongs to this person: the link alone is not enough."""
    if attendee is None or not user.is_authenticated:
        return False
    person = attendee.person
    if person.user_id is not None:
        return bool(person.user_id == user.pk)
    return person.email.lower() == user.email.lower()


def visit_in_states(*states: str) -> rules.Predicate:
    """The state of the visit itself, or of the visit a session belongs to (core's `in_states`
    reads the object's own field)."""

    def check(user: Any, obj: Visit | Session | None) -> bool:
        visit = _visit_of(obj)
        return visit is not None and visit.state in states

    return rules.Predicate(check, name=f"visit_in_states({', '.join(states)})")


is_planning = visit_in_states(State.DRAFT, State.PUBLISHED)

can_view_visit = is_operator | is_published | is_on_team | is_invited
can_view_attendees = is_operator | is_on_team | is_session_guest
can_edit_itinerary = is_operator & is_planning
can_publish = is_operator & VISIT_FLOW.rule("publish")
can_mark_held = is_operator & VISIT_FLOW.rule("hold")
can_cancel = is_operator & VISIT_FLOW.rule("cancel")
can_record_outcomes = is_operator & visit_in_states(State.PUBLISHED, State.HELD)
can_read_briefing = is_operator | is_on_team
can_answer = is_invitee & (ANSWER_FLOW.rule("accept") | ANSWER_FLOW.rule("decline"))
can_withdraw = is_operator & ANSWER_FLOW.rule("withdraw")

PERMISSIONS = {
    "visits.list_visits": rules.always_allow,
    "visits.create_visit": is_operator,
    "visits.view_visit": can_view_visit,
    "visits.view_attendees": can_view_attendees,
    "visits.edit_itinerary": can_edit_itinerary,
    "visits.publish_visit": can_publish,
    "visits.mark_held": can_mark_held,
    "visits.cancel_visit": can_cancel,
    "visits.record_outcomes": can_record_outcomes,
    "visits.send_follow_ups": is_operator & visit_in_states(State.HELD),
    "visits.answer_follow_up": is_invitee,
    "visits.view_report": is_operator,
    "visits.read_briefing": can_read_briefing,
    "visits.answer_invitation": can_answer,
    "visits.withdraw_invitation": can_withdraw,
}
for _name, _predicate in PERMISSIONS.items():
    rules.add_perm(_name, _predicate)
    # The same test for the page's buttons, without Django's superuser shortcut, which would
    # offer every step whatever the visit's state.
    rules.add_rule(_name, _predicate)
