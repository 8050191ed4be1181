"""Writes on the student registry: sign-up, profile, CV, consents per purpose, CV releases."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.core.models import Consent, User
from twinning.core.rules import require
from twinning.core.services import (
    audit_log,
    consent_record,
    notify,
    pending_account_args,
    user_sign_up,
    user_sign_up_pending,
)
from twinning.core.site import site_url
from twinning.students.models import CvRelease, CvView, JobFair, Student, StudentConsent
from twinning.students.models.registry import (
    EARLIEST_GRADUATION,
    LANGUAGE_LEVELS,
    LATEST_GRADUATION,
)
from twinning.students.universities import university

if TYPE_CHECKING:
    from twinning.organisations.models import Organisation
    from twinning.programmes.models import Sector

PROFILE_FIELDS = (
    "university", "course", "level", "graduation_year", "home_region", "skills", "languages",
    "about", "visa_route", "visa_ends_on", "needs_sponsorship", "scholarship_obligation",
)  # fmt: skip
PDF_MAGIC = b"%PDF-"
Purpose = StudentConsent.Purpose


def check_cv(cv: UploadedFile) -> None:
    """A CV is a PDF (by its first bytes, not its name) no larger than the configured size."""
    limit = settings.STUDENTS_CV_MAX_BYTES
    if cv.size is not None and cv.size > limit:
        raise ValidationError(
            {"cv": _("The CV is too large: at most %(size)s MB.") % {"size": limit // 2**20}}
        )
    cv.seek(0)
    head = cv.read(len(PDF_MAGIC))
    cv.seek(0)
    if head != PDF_MAGIC:
        raise ValidationError({"cv": _("The CV must be a PDF file.")})


def check_profile(fields: dict[str, Any]) -> None:
    errors: dict[str, str] = {}
    if "university" in fields and university(fields["university"]) is None:
        errors["university"] = _("Choose a university from the list.")
    year = fields.get("graduation_year")
    if year is not None and not EARLIEST_GRADUATION <= int(year) <= LATEST_GRADUATION:
        errors["graduation_year"] = _(
            "The graduation year must be between %(first)s and %(last)s."
        ) % {"first": EARLIEST_GRADUATION, "last": LATEST_GRADUATION}
    levels = {code for code, _label in LANGUAGE_LEVELS}
    languages = fields.get("languages") or {}
    if any(
        code not in {"en", "ru", "kk"} or level not in levels for code, level in languages.items()
    ):
        errors["languages"] = _("Choose a level for each language from the list.")
    if any(sector.level != sector.Level.DIVISION for sector in fields.get("sectors") or ()):
        errors["sectors"] = _("Choose NACE divisions from the list.")
    home = fields.get("home_region")
    if home is not None and home.side.code != "KZ":
        errors["home_region"] = _("Choose a region of Kazakhstan.")
    if errors:
        raise ValidationError(errors)


def _search_text(student: Student) -> str:
    parts = [student.user.full_name, student.course, student.skills, student.about]
    return " ".join(p for p in parts if p).lower()


def _store_cv(student: Student, cv: UploadedFile) -> None:
    check_cv(cv)
    if student.cv:
        student.cv.delete(save=False)
    student.cv.save("cv.pdf", cv, save=False)
    student.cv_uploaded_at = timezone.now()


@transaction.atomic
def student_sign_up(
    *,
    email: str,
    password: str,
    full_name: str,
    language: str,
    consent: bool,
    purposes: list[str],
    cv: UploadedFile | None = None,
    **profile: Any,
) -> Student | None:
    """A new account with the student role: the privacy notice, the profile, the purposes the
    student agreed to (each recorded on its own), and the CV if given. The account opens when
    its owner follows the e-mailed link; None (and nothing stored) if the address has one."""
    check_profile(profile)
    if cv is not None:
        check_cv(cv)
    imported = _unclaimed().filter(user__email__iexact=email.strip()).first()
    if imported is not None:
        # An imported student signing up: the claim link again (with the profile they were
        # imported with), and the same answer as for any sign-up.
        _send_claim_link(imported)
        return None
    user = user_sign_up(
        email=email,
        password=password,
        full_name=full_name,
        language=language,
        consent=consent,
        then=reverse("students:me"),
    )
    if user is None:
        return None  # the address has an account; its owner was told (see user_sign_up)
    student = Student(user=user, **{k: v for k, v in profile.items() if k in PROFILE_FIELDS})
    student.search_text = _search_text(student)
    if cv is not None:
        _store_cv(student, cv)
    student.save()
    if profile.get("sectors") is not None:
        student.sectors.set(profile["sectors"])
    for purpose in purposes:
        if purpose != Purpose.FAIR_CV:
            consent_give(student=student, purpose=purpose, by=user)
    audit_log(action="student.sign_up", actor=user, target=student)
    return student


# Imported students --------------------------------------------------------------------------


def _unclaimed() -> QuerySet[Student]:
    """Imported students who have not claimed their profile: no password, never signed in."""
    return Student.objects.filter(
        user__is_active=False,
        user__last_login__isnull=True,
        user__password__startswith=UNUSABLE_PASSWORD_PREFIX,
    )


@transaction.atomic
def student_import_create(
    *, email: str, full_name: str, language: str, sectors: list[Sector], **profile: Any
) -> Student:
    """An imported student (`students.imports`): an account that cannot sign in (inactive, no
    password, no consent) and a profile checked as the sign-up checks it. Once the import
    commits, the student is e-mailed a link to claim the profile."""
    check_profile({**profile, "sectors": sectors})
    address = User.objects.normalize_email(email)
    user = User(email=address, username=address, full_name=full_name, language=language,
                is_active=False)  # fmt: skip
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    student = Student(user=user, **{k: v for k, v in profile.items() if k in PROFILE_FIELDS})
    student.search_text = _search_text(student)
    student.full_clean(exclude=["user", "cv"])
    student.save()
    student.sectors.set(sectors)
    audit_log(action="student.import", actor=None, target=student)
    _send_claim_link(student)
    return student


def claim_link(student: Student) -> str:
    path = reverse("students:claim", args=pending_account_args(student.user))
    return f"{site_url()}{path}"


def _send_claim_link(student: Student) -> None:
    notify(
        recipient=student.user,
        template="students/email/claim",
        context={
            "link": claim_link(student),
            "student": student,
            "days": settings.RETENTION["unconfirmed_sign_up_days"],
        },
        even_inactive=True,
    )


def student_claim_pending(*, uidb64: str, token: str) -> Student | None:
    """The imported student a claim link was made for, while the profile waits to be claimed
    (the link stops working once it is: the password and the last sign-in change the token)."""
    user = user_sign_up_pending(uidb64=uidb64, token=token)
    if user is None:
        return None
    return _unclaimed().filter(user=user).select_related("user").first()


@transaction.atomic
def student_claim(
    *,
    student: Student,
    password: str,
    language: str,
    consent: bool,
    matching: bool,
    purposes: list[str],
) -> User:
    """The imported student takes the profile: a password, the privacy notice (required), the
    matching consent if given and each purpose agreed to, recorded with its date; the account
    opens. Fails, changing nothing, if it was claimed meanwhile."""
    if not consent:
        raise ValidationError({"consent": _("Agree to the privacy notice to use your profile.")})
    locked = _unclaimed().select_for_update().filter(pk=student.pk).first()
    if locked is None:
        raise ValidationError(_("This profile has already been claimed. Sign in instead."))
    user = locked.user
    user.set_password(password)
    user.language, user.is_active = language, True
    user.save(update_fields=["password", "language", "is_active"])
    consent_record(user=user)
    if matching:
        consent_record(user=user, purpose=Consent.Purpose.MATCHING)
    for purpose in purposes:
        if purpose != Purpose.FAIR_CV:
            consent_give(student=locked, purpose=purpose, by=user)
    audit_log(action="student.claim", actor=user, target=student)
    return user


@transaction.atomic
def claim_links_resend(*, by: User) -> int:
    """E-mail every imported student who has not claimed the profile its link again."""
    require(by, "students.operate", None)
    waiting = list(_unclaimed().select_related("user").order_by("pk"))
    for student in waiting:
        _send_claim_link(student)
    audit_log(action="students.claim_resend", actor=by, target=None, sent=len(waiting))
    return len(waiting)


def unclaimed_count() -> int:
    return _unclaimed().count()


@transaction.atomic
def student_update(*, student: Student, by: User, **profile: Any) -> Student:
    require(by, "students.edit_student", student)
    check_profile(profile)
    for name, value in profile.items():
        if name in PROFILE_FIELDS:
            setattr(student, name, value)
    student.search_text = _search_text(student)
    student.save()
    if profile.get("sectors") is not None:
        student.sectors.set(profile["sectors"])
    audit_log(action="student.update", actor=by, target=student)
    return student


@transaction.atomic
def student_cv_upload(*, student: Student, by: User, cv: UploadedFile) -> Student:
    require(by, "students.edit_student", student)
    _store_cv(student, cv)
    student.save(update_fields=["cv", "cv_uploaded_at", "updated_at"])
    audit_log(action="student.cv_upload", actor=by, target=student)
    return student


@transaction.atomic
def student_cv_remove(*, student: Student, by: User) -> Student:
    require(by, "students.edit_student", student)
    if student.cv:
        student.cv.delete(save=False)
    student.cv, student.cv_uploaded_at = "", None  # type: ignore[assignment]
    student.save(update_fields=["cv", "cv_uploaded_at", "updated_at"])
    audit_log(action="student.cv_remove", actor=by, target=student)
    return student


def _active(student: Student, purpose: str, fair: JobFair | None) -> StudentConsent | None:
    return (
        StudentConsent.objects.select_for_update()
        .filter(student=student, purpose=purpose, fair=fair, withdrawn_at__isnull=True)
        .first()
    )


@transaction.atomic
def consent_give(
    *, student: Student, purpose: str, by: User, fair: JobFair | None = None
) -> StudentConsent:
    """Record a consent for one purpose (and one fair, for sharing with its employers).

    Giving a consent already in force changes nothing: its date stays the first one.
    """
    require(by, "students.edit_student", student)
    if purpose not in Purpose.values:
        raise ValidationError({"purpose": _("Unknown purpose.")})
    if (purpose == Purpose.FAIR_CV) != (fair is not None):
        raise ValidationError({"fair": _("Sharing with employers is agreed for one job fair.")})
    Student.objects.select_for_update().filter(pk=student.pk).first()
    existing = _active(student, purpose, fair)
    if existing is not None:
        return existing
    consent = StudentConsent.objects.create(student=student, purpose=purpose, fair=fair)
    audit_log(
        action="student.consent_give", actor=by, target=student, purpose=purpose,
        fair=fair.pk if fair else None,
    )  # fmt: skip
    return consent


@transaction.atomic
def consent_withdraw(
    *, student: Student, purpose: str, by: User | None, fair: JobFair | None = None
) -> StudentConsent | None:
    """Withdraw one purpose; `by` is None when the student used a personal unsubscribe link."""
    if by is not None:
        require(by, "students.edit_student", student)
    existing = _active(student, purpose, fair)
    if existing is None:
        return None
    existing.withdrawn_at = timezone.now()
    existing.save(update_fields=["withdrawn_at"])
    audit_log(
        action="student.consent_withdraw", actor=by, target=student, purpose=purpose,
        fair=fair.pk if fair else None,
    )  # fmt: skip
    return existing


def has_consent(*, student: Student, purpose: str, fair: JobFair | None = None) -> bool:
    return StudentConsent.objects.filter(
        student=student, purpose=purpose, fair=fair, withdrawn_at__isnull=True
    ).exists()


@transaction.atomic
def cv_release(*, student: Student, organisation: Organisation, by: User, days: int) -> CvRelease:
    """Let one employer open the CV for `days` days (1 to 90); an earlier release to them ends."""
    require(by, "students.release_cv", student)
    if not student.cv:
        raise ValidationError(_("Upload your CV first."))
    if not 1 <= days <= 90:
        raise ValidationError({"days": _("Release the CV for 1 to 90 days.")})
    now = timezone.now()
    CvRelease.objects.filter(
        student=student, organisation=organisation, revoked_at__isnull=True
    ).update(revoked_at=now)
    release = CvRelease.objects.create(
        student=student, organisation=organisation, until=now + dt.timedelta(days=days)
    )
    audit_log(action="student.cv_release", actor=by, target=student, organisation=organisation.pk)
    return release


@transaction.atomic
def cv_release_revoke(*, release: CvRelease, by: User) -> CvRelease:
    require(by, "students.release_cv", release.student)
    release.revoked_at = timezone.now()
    release.save(update_fields=["revoked_at"])
    audit_log(action="student.cv_release_revoke", actor=by, target=release.student)
    return release


@transaction.atomic
def cv_open(*, student: Student, by: User, organisation_name: str = "") -> Student:
    """Check that `by` may read the CV and, unless it is the student, log the view."""
    require(by, "students.view_cv", student)
    if not student.cv:
        raise ValidationError(_("This student has not uploaded a CV."))
    if by.pk != student.user_id:
        CvView.objects.create(student=student, viewer=by, organisation_name=organisation_name)
        audit_log(action="student.cv_view", actor=by, target=student)
    return student


def student_erase_files(*, student: Student) -> None:
    """Delete the CV file itself (rows go with the account; files need their own removal)."""
    if student.cv:
        student.cv.delete(save=False)
