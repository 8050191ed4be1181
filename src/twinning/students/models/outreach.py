"""The embassy's outreach: invitations to events with personal RSVP links, and welfare checks."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from twinning.students.models.registry import Student


class StudentInvitation(models.Model):
    class Answer(models.TextChoices):
        NONE = "", _("No answer yet")
        YES = "yes", _("Will attend")
        NO = "no", _("Will not attend")

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="student_invitations"
    )
    student = models.ForeignKey(Student, on_delete=models.CASCADE, related_name="invitations")
    answer = models.CharField(
        _("answer"), max_length=3, choices=Answer.choices, blank=True, default=""
    )
    expires_at = models.DateTimeField(_("link expires at"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("student invitation")
        verbose_name_plural = _("student invitations")
        ordering = ["event", "student__user__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["event", "student"], name="student_invitation_once"),
            models.CheckConstraint(
                condition=Q(answer="") | Q(answered_at__isnull=False),
                name="student_invitation_answer_dated",
                violation_error_message=_("An answer needs its date."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.student} — {self.event}"


class WelfareCheck(models.Model):
    message = models.TextField(_("message"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    expires_at = models.DateTimeField(_("answers accepted until"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("welfare check")
        verbose_name_plural = _("welfare checks")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.message[:60]


class WelfareAnswer(models.Model):
    class Answer(models.TextChoices):
        NONE = "", _("No answer yet")
        SAFE = "safe", _("I am safe and well")
        HELP = "help", _("I need help")

    welfare_check = models.ForeignKey(
        WelfareCheck, on_delete=models.CASCADE, related_name="answers"
    )
    student = models.ForeignKey(Student, on_delete=models.CASCADE, related_name="welfare_answers")
    answer = models.CharField(
        _("answer"), max_length=4, choices=Answer.choices, blank=True, default=""
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("welfare answer")
        verbose_name_plural = _("welfare answers")
        ordering = ["welfare_check", "student__user__full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["welfare_check", "student"], name="welfare_answer_once"
            ),
            models.CheckConstraint(
                condition=Q(answer="") | Q(answered_at__isnull=False),
                name="welfare_answer_dated",
                violation_error_message=_("An answer needs its date."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.student}: {self.answer or '—'}"
