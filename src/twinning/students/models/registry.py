"""The student registry: students, their consents per purpose, CV releases and the view log."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from twinning.core.files import PrivateFileField
from twinning.students.universities import university

LANGUAGE_LEVELS = [
    ("", _("None")),
    ("A2", _("Basic (A1–A2)")),
    ("B1", _("Independent (B1–B2)")),
    ("C1", _("Proficient (C1–C2)")),
    ("native", _("Native")),
]
EARLIEST_GRADUATION, LATEST_GRADUATION = 1990, 2040


class Student(models.Model):
    class Level(models.TextChoices):
        FOUNDATION = "foundation", _("Foundation")
        UNDERGRADUATE = "undergraduate", _("Undergraduate")
        TAUGHT = "taught", _("Taught postgraduate")
        RESEARCH = "research", _("Research")

    class VisaRoute(models.TextChoices):
        NONE = "", _("Prefer not to say")
        STUDENT = "student", _("Student visa")
        GRADUATE = "graduate", _("Graduate route")
        SKILLED = "skilled", _("Skilled worker")
        OTHER = "other", _("Other")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="student"
    )
    university = models.CharField(_("university"), max_length=60)
    course = models.CharField(_("course"), max_length=200)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    graduation_year = models.PositiveSmallIntegerField(_("graduation year"))
    home_region = models.ForeignKey(
        "programmes.Region",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("home region in Kazakhstan"),
    )
    skills = models.TextField(_("skills"), blank=True, help_text=_("Comma-separated"))
    languages = models.JSONField(_("languages"), default=dict, blank=True)
    about = models.TextField(_("about me"), blank=True)
    sectors = models.ManyToManyField(
        "programmes.Sector",
        blank=True,
        related_name="+",
        verbose_name=_("sectors I would like to work in"),
    )
    visa_route = models.CharField(
        _("visa route"), max_length=20, choices=VisaRoute.choices, blank=True
    )
    visa_ends_on = models.DateField(_("visa ends on"), null=True, blank=True)
    needs_sponsorship = models.BooleanField(_("needs visa sponsorship"), null=True, blank=True)
    scholarship_obligation = models.TextField(
        _("scholarship's return-to-work obligation"), blank=True
    )
    cv = PrivateFileField(_("CV"), blank=True)
    cv_uploaded_at = models.DateTimeField(null=True, blank=True, editable=False)
    search_text = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("student")
        verbose_name_plural = _("students")
        ordering = ["user__full_name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(graduation_year__gte=EARLIEST_GRADUATION)
                & Q(graduation_year__lte=LATEST_GRADUATION),
                name="student_graduation_year_plausible",
                violation_error_message=_("The graduation year must be between 1990 and 2040."),
            ),
            models.CheckConstraint(
                condition=Q(level__in=["foundation", "undergraduate", "taught", "research"]),
                name="student_level_valid",
                violation_error_message=_("Choose a level from the list."),
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.user.full_name or self.user.email

    @property
    def university_name(self) -> str:
        found = university(self.university)
        return found.name if found else self.university

    @property
    def skill_list(self) -> list[str]:
        return [s.strip() for s in self.skills.split(",") if s.strip()]

    @property
    def language_codes(self) -> list[str]:
        return [code for code, level in self.languages.items() if level]


class StudentConsent(models.Model):
    """One purpose a student agreed to, from `given_at` until `withdrawn_at` (if ever).

    A withdrawn consent stays as a record; giving it again starts a new row.
    """

    class Purpose(models.TextChoices):
        EMBASSY_CONTACT = "embassy_contact", _("Contact by the embassy")
        FAIR_CV = "fair_cv", _("CV and profile shared with the employers of a job fair")
        NEWSLETTER = "newsletter", _("Newsletters")

    student = models.ForeignKey(Student, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    fair = models.ForeignKey(
        "students.JobFair",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="consents",
        verbose_name=_("job fair"),
    )
    given_at = models.DateTimeField(_("given at"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("student consent")
        verbose_name_plural = _("student consents")
        ordering = ["student", "purpose", "-given_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["student", "purpose"],
                condition=Q(withdrawn_at__isnull=True, fair__isnull=True),
                name="student_consent_active_once",
            ),
            models.UniqueConstraint(
                fields=["student", "purpose", "fair"],
                condition=Q(withdrawn_at__isnull=True, fair__isnull=False),
                name="student_fair_consent_active_once",
            ),
            models.CheckConstraint(
                condition=Q(purpose="fair_cv", fair__isnull=False)
                | (~Q(purpose="fair_cv") & Q(fair__isnull=True)),
                name="student_consent_fair_only_for_fair_purpose",
                violation_error_message=_(
                    "Only the consent to share with employers names a job fair."
                ),
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gte=models.F("given_at")),
                name="student_consent_withdrawn_after_given",
                violation_error_message=_("A consent cannot be withdrawn before it was given."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.student} — {self.get_purpose_display()}"

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None


class CvRelease(models.Model):
    """A student's CV released to one organisation until a date."""

    student = models.ForeignKey(Student, on_delete=models.CASCADE, related_name="cv_releases")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("employer"),
    )
    until = models.DateTimeField(_("until"))
    revoked_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("CV release")
        verbose_name_plural = _("CV releases")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(until__gt=models.F("created_at")),
                name="cv_release_in_future",
                violation_error_message=_("A CV release must end in the future."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.student} → {self.organisation}"


class CvView(models.Model):
    """Every time somebody other than the student opened the CV."""

    student = models.ForeignKey(Student, on_delete=models.CASCADE, related_name="cv_views")
    viewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation_name = models.CharField(max_length=200, blank=True)
    viewed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("CV view")
        verbose_name_plural = _("CV views")
        ordering = ["-viewed_at"]

    def __str__(self) -> str:
        return f"{self.student} @ {self.viewed_at:%Y-%m-%d %H:%M}"
