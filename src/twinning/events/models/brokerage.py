"""Brokerage rules: who may meet whom, and how many meetings, across a programme's events.

One row holds a programme's rules; an event may have its own row that overrides the pairing
rule and the region quota for that event. Every change is kept (django-simple-history).
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from twinning.events.models.event import Event


class BrokerageRules(models.Model):
    class Pairing(models.TextChoices):
        INHERIT = "", _("As the programme says")
        ANY = "any", _("Anyone may meet anyone")
        CROSS_SIDE = "cross_side", _("Only across the two sides of the programme")
        TYPES = (
            "types",
            _("Only complementary participation types (buyer ↔ supplier, investor ↔ project)"),
        )
        CROSS_SIDE_TYPES = (
            "cross_side_types",
            _("Across the two sides, and complementary participation types"),
        )

    class Repeat(models.TextChoices):
        FLAG = "flag", _("Flag pairs that already met; they meet again only if both ask")
        REFUSE = "refuse", _("Refuse requests between pairs that already met")

    programme = models.OneToOneField(
        "programmes.Programme",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="brokerage_rules",
    )
    event = models.OneToOneField(
        Event, null=True, blank=True, on_delete=models.CASCADE, related_name="brokerage_rules"
    )
    pairing = models.CharField(
        _("who may meet whom"), max_length=20, choices=Pairing.choices, blank=True
    )
    meeting_cap = models.PositiveSmallIntegerField(
        _("meetings per organisation across the programme's events"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no cap."),
    )
    repeat_meetings = models.CharField(
        _("pairs that met at an earlier event"),
        max_length=8,
        choices=Repeat.choices,
        default=Repeat.FLAG,
    )
    region_quota = models.PositiveSmallIntegerField(
        _("meetings per participant with organisations of one region"),
        null=True,
        blank=True,
        help_text=_("Per event. Leave empty for no quota."),
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("brokerage rules")
        verbose_name_plural = _("brokerage rules")
        constraints = [
            models.CheckConstraint(
                condition=Q(programme__isnull=True, event__isnull=False)
                | Q(programme__isnull=False, event__isnull=True),
                name="brokerage_rules_one_owner",
                violation_error_message=_(
                    "Brokerage rules belong either to a programme or to one event."
                ),
            ),
            models.CheckConstraint(
                condition=Q(pairing__in=["", "any", "cross_side", "types", "cross_side_types"]),
                name="brokerage_rules_pairing_valid",
                violation_error_message=_("Choose one of the offered values."),
            ),
            models.CheckConstraint(
                condition=Q(repeat_meetings__in=["flag", "refuse"]),
                name="brokerage_rules_repeat_valid",
                violation_error_message=_("Choose one of the offered values."),
            ),
            models.CheckConstraint(
                condition=Q(meeting_cap__isnull=True) | Q(meeting_cap__gte=1),
                name="brokerage_rules_cap_positive",
                violation_error_message=_("The cap must be at least 1, or left empty."),
            ),
            models.CheckConstraint(
                condition=Q(region_quota__isnull=True) | Q(region_quota__gte=1),
                name="brokerage_rules_quota_positive",
                violation_error_message=_("The quota must be at least 1, or left empty."),
            ),
        ]

    def __str__(self) -> str:
        owner = self.programme if self.programme_id else self.event
        return str(_("Brokerage rules of %(owner)s") % {"owner": owner})
