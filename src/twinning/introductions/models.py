"""Expressions of interest between two organisations, and whether the other side said yes."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

OPEN_STATES = ("requested", "accepted")


class Introduction(models.Model):
    class State(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="+"
    )
    requester = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="introductions_sent",
        verbose_name=_("from"),
    )
    recipient = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="introductions_received",
        verbose_name=_("to"),
    )
    opportunity = models.ForeignKey(
        "organisations.Opportunity",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("opportunity"),
        help_text=_("The recipient's opportunity the interest is about, if any."),
    )
    message = models.TextField(_("message"), max_length=2000)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.REQUESTED, db_index=True
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    brokered = models.BooleanField(
        _("brokered by an operator"), default=False, help_text=_("Accepted by an operator.")
    )
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True, db_index=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("introduction")
        verbose_name_plural = _("introductions")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(requester=F("recipient")),
                name="introduction_not_self",
                violation_error_message=_("An organisation cannot express interest in itself."),
            ),
            models.CheckConstraint(
                condition=Q(state__in=["requested", "accepted", "declined", "withdrawn"]),
                name="introduction_state_valid",
                violation_error_message=_("Choose one of the offered values."),
            ),
            models.CheckConstraint(
                condition=Q(state="requested") | Q(decided_at__isnull=False),
                name="introduction_decided_has_date",
                violation_error_message=_("An answered introduction needs the date of its answer."),
            ),
            models.CheckConstraint(
                condition=Q(brokered=False) | Q(state="accepted"),
                name="introduction_brokered_is_accepted",
                violation_error_message=_("Only an accepted introduction can be brokered."),
            ),
            # One open introduction per direction; after a decline or withdrawal, a new one may
            # be asked for.
            models.UniqueConstraint(
                fields=["requester", "recipient"],
                condition=Q(state__in=OPEN_STATES),
                name="introduction_one_open_per_pair",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.requester} → {self.recipient} ({self.get_state_display()})"
