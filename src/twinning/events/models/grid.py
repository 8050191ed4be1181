"""The brokerage set-up: the day's slot grid, tables, interpreters and unavailability."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from twinning.events.models.event import Event, Registration


class SlotGrid(models.Model):
    """The day's hours; slots are generated from them (see services.grid_generate)."""

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="grid")
    day = models.DateField(_("day"))
    morning_start = models.TimeField(_("morning starts"))
    morning_end = models.TimeField(_("morning ends"))
    afternoon_start = models.TimeField(_("afternoon starts"), null=True, blank=True)
    afternoon_end = models.TimeField(_("afternoon ends"), null=True, blank=True)
    meeting_minutes = models.PositiveSmallIntegerField(_("meeting length (minutes)"), default=20)
    changeover_minutes = models.PositiveSmallIntegerField(_("changeover (minutes)"), default=5)

    class Meta:
        verbose_name = _("slot grid")
        verbose_name_plural = _("slot grids")
        constraints = [
            models.CheckConstraint(
                condition=Q(morning_end__gt=F("morning_start")),
                name="grid_morning_order",
                violation_error_message=_("The morning must end after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(afternoon_start__isnull=True, afternoon_end__isnull=True)
                | Q(
                    afternoon_start__gte=F("morning_end"),
                    afternoon_end__gt=F("afternoon_start"),
                ),
                name="grid_afternoon_order",
                violation_error_message=_(
                    "The afternoon must start after the morning ends and end after it starts."
                ),
            ),
            models.CheckConstraint(
                condition=Q(meeting_minutes__gte=5, meeting_minutes__lte=240),
                name="grid_meeting_length",
                violation_error_message=_("A meeting lasts 5 to 240 minutes."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} {self.day}"


class Slot(models.Model):
    class Session(models.TextChoices):
        MORNING = "morning", _("Morning")
        AFTERNOON = "afternoon", _("Afternoon")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="slots")
    number = models.PositiveSmallIntegerField(_("number"))
    session = models.CharField(max_length=10, choices=Session.choices)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))

    class Meta:
        verbose_name = _("slot")
        verbose_name_plural = _("slots")
        ordering = ["event", "number"]
        constraints = [
            models.UniqueConstraint(fields=["event", "number"], name="slot_number_unique"),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="slot_order",
                violation_error_message=_("A slot must end after it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number + 1}"


class Table(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="tables")
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=100, blank=True)
    host = models.OneToOneField(
        Registration,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_table",
        verbose_name=pgettext_lazy("table", "host"),
        help_text=_("A hosted table keeps its host there for all their meetings."),
    )

    class Meta:
        verbose_name = _("table")
        verbose_name_plural = _("tables")
        ordering = ["event", "number"]
        constraints = [
            models.UniqueConstraint(fields=["event", "number"], name="table_number_unique"),
            models.CheckConstraint(
                condition=Q(number__gte=1),
                name="table_number_positive",
                violation_error_message=_("Tables are numbered from 1."),
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.name or str(self.number)


class Interpreter(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="interpreters")
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"), blank=True)
    languages = models.CharField(
        _("languages"), max_length=20, help_text=_("Comma-separated codes, e.g. en,ru")
    )
    unavailable_slots = models.ManyToManyField(
        Slot, blank=True, related_name="+", verbose_name=_("unavailable slots")
    )

    class Meta:
        verbose_name = _("interpreter")
        verbose_name_plural = _("interpreters")
        ordering = ["event", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(languages__contains=","),
                name="interpreter_two_languages",
                violation_error_message=_("An interpreter needs at least two languages."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.languages})"

    @property
    def language_list(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]


class Unavailability(models.Model):
    """A slot in which a participant cannot meet anyone."""

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="unavailabilities"
    )
    slot = models.ForeignKey(Slot, on_delete=models.CASCADE, related_name="unavailabilities")

    class Meta:
        verbose_name = _("unavailable slot")
        verbose_name_plural = _("unavailable slots")
        constraints = [
            models.UniqueConstraint(fields=["registration", "slot"], name="unavailability_once")
        ]

    def __str__(self) -> str:
        return f"{self.registration} ✕ {self.slot}"
