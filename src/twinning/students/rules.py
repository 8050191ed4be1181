"""Named permissions for students, positions and job fairs (django-rules).

A student is seen by: the student, operators, and an employer only while the student lets them —
a consent to share with the employers of a fair where the employer has a booth, or a CV release
to that employer that has not run out. Students never see other students.
"""

from typing import Any

import rules
from django.utils import timezone

from twinning.core.rules import is_operator
from twinning.core.transitions import in_states
from twinning.organisations.predicates import is_member, is_member_of
from twinning.organisations.selectors import organisation_ids_of_user
from twinning.students.models import (
    Booth,
    CvRelease,
    FairRegistration,
    Interview,
    JobFair,
    Position,
    Student,
    StudentConsent,
)
from twinning.students.workflows import INTERVIEW, POSITION


@rules.predicate
def is_student(user: Any) -> bool:
    return bool(user.is_authenticated and Student.objects.filter(user=user).exists())


@rules.predicate
def is_the_student(user: Any, student: Student | None) -> bool:
    return student is not None and user.is_authenticated and student.user_id == user.pk


def _consented_fair_employer(user: Any, student: Student) -> bool:
    organisations = organisation_ids_of_user(user=user)
    if not organisations:
        return False
    fairs = StudentConsent.objects.filter(
        student=student, purpose=StudentConsent.Purpose.FAIR_CV, withdrawn_at__isnull=True
    ).values("fair_id")
    return Booth.objects.filter(fair_id__in=fairs, organisation_id__in=organisations).exists()


def _released_to(user: Any, student: Student) -> bool:
    organisations = organisation_ids_of_user(user=user)
    return CvRelease.objects.filter(
        student=student,
        organisation_id__in=organisations,
        revoked_at__isnull=True,
        until__gt=timezone.now(),
    ).exists()


@rules.predicate
def is_let_in_employer(user: Any, student: Student | None) -> bool:
    """An employer the student shared their profile and CV with (fair consent or release)."""
    if student is None or not user.is_authenticated:
        return False
    return _consented_fair_employer(user, student) or _released_to(user, student)


# Membership through organisations' one predicate (organisations.predicates).
is_position_member = is_member_of(lambda position: position.organisation_id, name="position")
is_organisation_member = is_member
is_booth_member = is_member_of(lambda booth: booth.organisation_id, name="booth")


@rules.predicate
def is_fair_exhibitor(user: Any, fair: JobFair | None) -> bool:
    if fair is None or not user.is_authenticated:
        return False
    organisations = organisation_ids_of_user(user=user)
    return fair.booths.filter(organisation_id__in=organisations).exists()


@rules.predicate
def is_own_registration(user: Any, registration: FairRegistration | None) -> bool:
    return registration is not None and registration.student.user_id == user.pk


@rules.predicate
def is_fair_unpublished(user: Any, registration: FairRegistration | None) -> bool:
    return registration is not None and registration.fair.published_at is None


@rules.predicate
def is_interviewee(user: Any, interview: Interview | None) -> bool:
    return interview is not None and interview.registration.student.user_id == user.pk


@rules.predicate
def is_interviewer(user: Any, interview: Interview | None) -> bool:
    return interview is not None and is_booth_member(user, interview.booth)


@rules.predicate
def is_published_position(user: Any, position: Position | None) -> bool:
    return position is not None and position.state == Position.State.PUBLISHED


States = Position.State
can_view_student = is_the_student | is_operator | is_let_in_employer
can_edit_position = (is_position_member | is_operator) & in_states(States.DRAFT, States.REJECTED)
can_submit_position = is_position_member & POSITION.rule("submit")
can_validate_position = is_operator & POSITION.rule("publish")
can_close_position = (is_position_member | is_operator) & POSITION.rule("close")
can_respond_interview = is_interviewee & INTERVIEW.rule("decline")

rules.add_perm("students.be_student", is_student)
rules.add_perm("students.view_student", can_view_student)
rules.add_perm("students.view_cv", can_view_student)
rules.add_perm("students.edit_student", is_the_student)
rules.add_perm("students.release_cv", is_the_student)
rules.add_perm("students.view_position", is_published_position | is_position_member | is_operator)
rules.add_perm("students.create_position", is_organisation_member)
rules.add_perm("students.view_position_matches", is_position_member | is_operator)
rules.add_perm("students.edit_position", can_edit_position)
rules.add_perm("students.submit_position", can_submit_position)
rules.add_perm("students.validate_position", can_validate_position)
rules.add_perm("students.close_position", can_close_position)
rules.add_perm("students.manage_fair", is_operator)
rules.add_perm("students.register_fair", is_student)
rules.add_perm("students.rank", is_own_registration & is_fair_unpublished)
rules.add_perm("students.view_registration", is_own_registration | is_operator)
rules.add_perm("students.manage_booth", is_booth_member | is_operator)
rules.add_perm("students.shortlist", (is_booth_member | is_operator))
rules.add_perm("students.view_interview", is_interviewee | is_interviewer | is_operator)
rules.add_perm("students.respond_interview", can_respond_interview)
rules.add_perm("students.check_in", is_operator | is_fair_exhibitor)
rules.add_perm("students.note", is_booth_member)
rules.add_perm("students.view_notes", is_booth_member | is_operator)
rules.add_perm("students.operate", is_operator)
