"""Positions organisations offer to students, validated by an operator before they are listed."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

LANGUAGES = [("en", "English"), ("ru", "Русский"), ("kk", "Қазақша")]


class Position(models.Model):
    class Kind(models.TextChoices):
        INTERNSHIP = "internship", _("Internship")
        PLACEMENT = "placement", _("Placement")
        GRADUATE = "graduate", _("Graduate job")
        PART_TIME = "part_time", _("Part-time job")

    class Location(models.TextChoices):
        UK = "uk", _("United Kingdom")
        KZ = "kz", _("Kazakhstan")
        REMOTE = "remote", _("Remote")

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Awaiting validation")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")
        CLOSED = "closed", _("Closed")

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="positions"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    language = models.CharField(_("written in"), max_length=2, choices=LANGUAGES, default="en")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    location = models.CharField(_("location"), max_length=10, choices=Location.choices)
    sectors = models.ManyToManyField(
        "programmes.Sector", blank=True, related_name="+", verbose_name=_("sectors (NACE)")
    )
    skills = models.TextField(_("skills"), blank=True, help_text=_("Comma-separated"))
    languages = models.CharField(
        _("languages required"), max_length=20, blank=True, help_text=_("Comma-separated codes")
    )
    closes_on = models.DateField(_("closing date"))
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.DRAFT, db_index=True
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    search_text = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["closes_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=["draft", "submitted", "published", "rejected", "closed"]),
                name="position_state_valid",
                violation_error_message=_("Unknown state of the position."),
            ),
            models.CheckConstraint(
                condition=~Q(state="rejected") | ~Q(rejection_reason=""),
                name="position_rejected_has_reason",
                violation_error_message=_("A rejected position needs a reason."),
            ),
            models.CheckConstraint(
                condition=~Q(state="published") | Q(published_at__isnull=False),
                name="position_published_has_date",
                violation_error_message=_("A published position needs its publication date."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def skill_list(self) -> list[str]:
        return [s.strip() for s in self.skills.split(",") if s.strip()]

    @property
    def language_list(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]


class PositionFeedback(models.Model):
    """A student's verdict on a recommended position: it moves in their own list only."""

    class Verdict(models.TextChoices):
        INTERESTED = "interested", _("Interested")
        NOT_INTERESTED = "not_interested", _("Not interested")

    student = models.ForeignKey(
        "students.Student", on_delete=models.CASCADE, related_name="position_feedback"
    )
    position = models.ForeignKey(Position, on_delete=models.CASCADE, related_name="feedback")
    verdict = models.CharField(_("verdict"), max_length=20, choices=Verdict.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("position feedback")
        verbose_name_plural = _("position feedback")
        constraints = [
            models.UniqueConstraint(fields=["student", "position"], name="position_feedback_once"),
            models.CheckConstraint(
                condition=Q(verdict__in=["interested", "not_interested"]),
                name="position_feedback_verdict_valid",
                violation_error_message=_("Answer interested or not interested."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.student} — {self.position}: {self.verdict}"
