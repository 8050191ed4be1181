"""The embassy's outreach: invitations by filters with personal RSVP links, welfare checks.

Personal links are django-sesame tokens scoped to one invitation (or one welfare answer) and
limited in age: they answer for that person and that question only, signed in or not.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from sesame.utils import get_token, get_user

from twinning.core.models import User
from twinning.core.rules import require
from twinning.core.services import audit_log, notify
from twinning.core.site import site_url
from twinning.students.models import (
    Student,
    StudentConsent,
    StudentInvitation,
    WelfareAnswer,
    WelfareCheck,
)

if TYPE_CHECKING:
    from twinning.events.models import Event


@dataclass(frozen=True)
class StudentFilter:
    university: str = ""
    level: str = ""
    graduation_year: int | None = None
    home_region: int | None = None


def students_matching(*, filters: StudentFilter, purpose: str) -> QuerySet[Student]:
    """Students the filters select who agreed to be contacted for `purpose`."""
    queryset = Student.objects.filter(
        consents__purpose=purpose, consents__withdrawn_at__isnull=True, user__is_active=True
    )
    if filters.university:
        queryset = queryset.filter(university=filters.university)
    if filters.level:
        queryset = queryset.filter(level=filters.level)
    if filters.graduation_year:
        queryset = queryset.filter(graduation_year=filters.graduation_year)
    if filters.home_region:
        queryset = queryset.filter(home_region_id=filters.home_region)
    return queryset.select_related("user").distinct().order_by("pk")


def _scope(kind: str, pk: int) -> str:
    return f"students.{kind}.{pk}"


def personal_link(*, user: User, kind: str, pk: int, name: str) -> str:
    token = get_token(user, scope=_scope(kind, pk))
    return f"{site_url()}{reverse(name, args=[pk])}?sesame={token}"


def _link_age() -> int:
    return settings.STUDENTS_LINK_DAYS * 24 * 3600


def holder_of(*, token: str, kind: str, pk: int) -> User | None:
    """The person a personal link was made for, if the token is theirs for this very object and
    has not expired; None otherwise."""
    return get_user(token, scope=_scope(kind, pk), max_age=_link_age())


@transaction.atomic
def invitations_send(*, event: Event, filters: StudentFilter, by: User) -> int:
    """Invite every selected student who agreed to embassy contact and was not yet invited."""
    require(by, "students.operate", None)
    expires = timezone.now() + dt.timedelta(days=settings.STUDENTS_LINK_DAYS)
    sent = 0
    for student in students_matching(
        filters=filters, purpose=StudentConsent.Purpose.EMBASSY_CONTACT
    ):
        invitation, created = StudentInvitation.objects.get_or_create(
            event=event, student=student, defaults={"expires_at": expires, "invited_by": by}
        )
        if not created:
            continue
        sent += 1
        notify(
            recipient=student.user,
            template="students/email/invitation",
            context={
                "event": event,
                "link": personal_link(
                    user=student.user, kind="rsvp", pk=invitation.pk, name="students:rsvp"
                ),
                "unsubscribe": personal_link(
                    user=student.user,
                    kind="unsubscribe",
                    pk=student.pk,
                    name="students:unsubscribe",
                ),
            },
        )
    audit_log(action="students.invite", actor=by, target=event, sent=sent)
    return sent


def _answerable(holder: User | None, owner: User, expires_at: dt.datetime) -> None:
    if holder is None or holder.pk != owner.pk:
        raise PermissionDenied(_("This link is not valid. Ask the embassy for a new one."))
    if expires_at <= timezone.now():
        raise PermissionDenied(_("This link has expired. Ask the embassy for a new one."))


@transaction.atomic
def invitation_answer(
    *, invitation: StudentInvitation, holder: User | None, answer: str
) -> StudentInvitation:
    invitation = (
        StudentInvitation.objects.select_for_update()
        .select_related("student__user")
        .get(pk=invitation.pk)
    )
    _answerable(holder, invitation.student.user, invitation.expires_at)
    if answer not in {StudentInvitation.Answer.YES, StudentInvitation.Answer.NO}:
        raise ValidationError({"answer": _("Answer yes or no.")})
    invitation.answer, invitation.answered_at = answer, timezone.now()
    invitation.save(update_fields=["answer", "answered_at"])
    audit_log(action="students.rsvp", actor=holder, target=invitation, answer=answer)
    return invitation


@transaction.atomic
def welfare_send(*, message: str, filters: StudentFilter, by: User, days: int = 7) -> WelfareCheck:
    require(by, "students.operate", None)
    if not message.strip():
        raise ValidationError({"message": _("Write the message to send.")})
    check = WelfareCheck.objects.create(
        message=message.strip(), sent_by=by, expires_at=timezone.now() + dt.timedelta(days=days)
    )
    students = students_matching(filters=filters, purpose=StudentConsent.Purpose.EMBASSY_CONTACT)
    answers = WelfareAnswer.objects.bulk_create(
        WelfareAnswer(welfare_check=check, student=s) for s in students
    )
    for answer in WelfareAnswer.objects.filter(pk__in=[a.pk for a in answers]).select_related(
        "student__user"
    ):
        link = personal_link(
            user=answer.student.user, kind="welfare", pk=answer.pk, name="students:welfare_answer"
        )
        notify(
            recipient=answer.student.user,
            template="students/email/welfare",
            context={"check": check, "safe": f"{link}&answer=safe", "help": f"{link}&answer=help"},
        )
    audit_log(action="students.welfare_send", actor=by, target=check, recipients=len(answers))
    return check


@transaction.atomic
def welfare_answer(*, answer: WelfareAnswer, holder: User | None, value: str) -> WelfareAnswer:
    answer = (
        WelfareAnswer.objects.select_for_update()
        .select_related("student__user", "welfare_check")
        .get(pk=answer.pk)
    )
    _answerable(holder, answer.student.user, answer.welfare_check.expires_at)
    if value not in {WelfareAnswer.Answer.SAFE, WelfareAnswer.Answer.HELP}:
        raise ValidationError({"answer": _("Choose one of the answers.")})
    answer.answer, answer.answered_at = value, timezone.now()
    answer.save(update_fields=["answer", "answered_at"])
    audit_log(action="students.welfare_answer", actor=holder, target=answer, answer=value)
    return answer
