"""The right people in each room: proposals, invitations, RSVP with a capacity and a waiting list.

An invitation belongs to its invitee: answering needs the invitee's own account (see
`rules.is_invitee`); the link in the e-mail alone answers nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.core.rules import require
from twinning.core.services import audit_log
from twinning.organisations.selectors import organisation_members, user_by_email
from twinning.visits.models import Attendee, Person, Proposal, Session
from twinning.visits.proposing import fits_for
from twinning.visits.services.common import lock_attendee, lock_session, tell
from twinning.visits.states import ANSWER_FLOW

if TYPE_CHECKING:
    from twinning.core.models import User
    from twinning.organisations.models import Organisation

AnswerState = Attendee.State


@transaction.atomic
def proposals_compute(*, session: Session, by: User, limit: int = 12) -> list[Proposal]:
    """Replace the session's proposed attendees with a fresh list from the matching engine."""
    require(by, "visits.edit_itinerary", session.visit)
    session = lock_session(session)
    fits = fits_for(session=session, limit=limit)
    session.proposals.all().delete()
    rows = Proposal.objects.bulk_create(
        Proposal(session=session, organisation_id=fit.candidate, score=fit.score, rank=rank,
                 reasons=fit.reasons)
        for rank, fit in enumerate(fits, start=1)
    )  # fmt: skip
    audit_log(action="visit.proposals_compute", actor=by, target=session, count=len(rows))
    return rows


def _guest_for(session: Session, organisation: Organisation) -> Person:
    """The organisation's first owner (or member) as a guest of the visit; its public contact
    when nobody has an account."""
    visit = session.visit
    membership = organisation_members(organisation=organisation).first()
    if membership is not None:
        user = membership.user
        email, name, language = user.email.lower(), user.full_name or user.email, user.language
    else:
        user, email = None, organisation.contact_email.lower()
        name, language = organisation.contact_name or organisation.display_name, "en"
    if not email:
        raise ValidationError(
            _("%(name)s has no member or contact address to invite.")
            % {"name": organisation.display_name}
        )
    person, _created = Person.objects.get_or_create(
        visit=visit, email=email,
        defaults={"team": Person.Team.GUEST, "name": name, "organisation": organisation,
                  "user": user, "language": language,
                  "languages": organisation.working_languages or language},
    )  # fmt: skip
    return person


def _invite(session: Session, person: Person, by: User) -> Attendee:
    attendee, created = Attendee.objects.get_or_create(
        session=session, person=person, defaults={"invited_by": by}
    )
    if not created and attendee.state != AnswerState.WITHDRAWN:
        return attendee
    if not created:
        attendee.state, attendee.responded_at = AnswerState.INVITED, None
        attendee.save(update_fields=["state", "responded_at"])
    tell([person], "invitation", session=session, attendee=attendee)
    audit_log(action="visit.invite", actor=by, target=session, email=person.email)
    return attendee


@transaction.atomic
def attendees_invite(
    *, session: Session, by: User, organisations: Iterable[Organisation]
) -> list[Attendee]:
    """Invite one person of each chosen organisation, each in their own language."""
    require(by, "visits.edit_itinerary", session.visit)
    session = lock_session(session)
    return [_invite(session, _guest_for(session, o), by) for o in organisations]


@transaction.atomic
def person_invite(*, session: Session, by: User, person: Person) -> Attendee:
    require(by, "visits.edit_itinerary", session.visit)
    if person.visit_id != session.visit_id:
        raise ValidationError(_("Choose people of this visit."))
    return _invite(lock_session(session), person, by)


def _seats_taken(session: Session) -> int:
    return session.attendees.filter(state=AnswerState.ACCEPTED).count()


def _promote_waiting(session: Session) -> None:
    """A place came free: the first on the waiting list takes it, and is told."""
    if session.capacity is not None and _seats_taken(session) >= session.capacity:
        return
    waiting = session.attendees.filter(state=AnswerState.WAITING).order_by("responded_at", "pk")
    first = waiting.select_related("person").first()
    if first is None:
        return
    ANSWER_FLOW.move(first, "promote")
    first.responded_at = timezone.now()
    first.save(update_fields=["state", "responded_at"])
    audit_log(action="visit.waiting_promoted", actor=None, target=first)
    tell([first.person], "place_free", session=session, attendee=first)


@transaction.atomic
def attendee_answer(*, attendee: Attendee, by: User, attending: bool) -> Attendee:
    """The invitee says yes (a place, or the waiting list when the session is full) or no (which
    frees their place for the first one waiting)."""
    attendee = lock_attendee(attendee)
    require(by, "visits.answer_invitation", attendee)
    session = lock_session(attendee.session)
    had_place = attendee.state == AnswerState.ACCEPTED
    if not attending:
        ANSWER_FLOW.move(attendee, "decline")
    elif attendee.state in (AnswerState.INVITED, AnswerState.DECLINED):
        full = session.capacity is not None and _seats_taken(session) >= session.capacity
        ANSWER_FLOW.move(attendee, "wait" if full else "accept")
    attendee.responded_at = timezone.now()
    attendee.save(update_fields=["state", "responded_at"])
    if attendee.person.user_id is None:
        attendee.person.user = by
        attendee.person.save(update_fields=["user"])
    audit_log(action=f"visit.rsvp_{attendee.state}", actor=by, target=attendee)
    if had_place and not attending:
        _promote_waiting(session)
    return attendee


@transaction.atomic
def attendee_withdraw(*, attendee: Attendee, by: User) -> Attendee:
    attendee = lock_attendee(attendee)
    require(by, "visits.withdraw_invitation", attendee)
    session = lock_session(attendee.session)
    had_place = attendee.state == AnswerState.ACCEPTED
    ANSWER_FLOW.move(attendee, "withdraw")
    attendee.save(update_fields=["state"])
    audit_log(action="visit.invitation_withdraw", actor=by, target=attendee)
    tell([attendee.person], "invitation_withdrawn", session=session)
    if had_place:
        _promote_waiting(session)
    return attendee


@transaction.atomic
def guest_invite(
    *, session: Session, by: User, name: str, email: str, role: str = "", language: str = "en"
) -> Attendee:
    """Invite someone by address (a student, a public figure); their account, if they have one,
    is the only one that can answer."""
    require(by, "visits.edit_itinerary", session.visit)
    email = email.strip().lower()
    person = session.visit.people.filter(email__iexact=email).first()
    if person is None:
        person = Person(
            visit=session.visit, team=Person.Team.GUEST, name=name.strip(), email=email,
            role=role, language=language, languages=language,
            user=user_by_email(email=email),
        )  # fmt: skip
        person.full_clean()
        person.save()
    return _invite(lock_session(session), person, by)
