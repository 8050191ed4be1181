"""The partnership register: outcomes, their dated stages, evidence, follow-ups and web imports."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from twinning.core.files import PrivateFileField

CURRENCIES = ("GBP", "KZT", "USD", "EUR")
# The stages of a partnership in order; lost can follow any of them.
STAGE_ORDER = ("contacted", "negotiating", "mou_signed", "contract_signed", "in_delivery")
MAX_EVIDENCE_BYTES = 10 * 1024 * 1024


def new_token() -> str:
    return secrets.token_urlsafe(24)


class LocalContentMethod(models.Model):
    """How a Kazakh share was calculated, named and versioned by operators: shares made under
    different methods (or versions) are reported side by side, never summed."""

    code = models.SlugField(_("code"), max_length=40)
    version = models.CharField(_("version"), max_length=20)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("how it is calculated"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("local-content method")
        verbose_name_plural = _("local-content methods")
        ordering = ["code", "version"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "version"],
                name="local_content_method_once",
                violation_error_message=_("This method already has this version."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.version})"


class Outcome(models.Model):
    """One partnership between two organisations, recorded by one of them."""

    class Kind(models.TextChoices):
        COMMERCIAL_AGENCY = "commercial_agency", _("Commercial agency")
        DISTRIBUTION = "distribution", _("Distribution")
        SUPPLY = "supply", _("Supply")
        SUBCONTRACTING = "subcontracting", _("Subcontracting")
        JOINT_VENTURE = "joint_venture", _("Joint venture")
        LICENSING = "licensing", _("Licensing")
        INVESTMENT = "investment", _("Investment")
        RESEARCH = "research", _("Research or technical cooperation")
        MOU = "mou", _("Memorandum of understanding")
        FILM = "film", _("Film co-production")

    class Stage(models.TextChoices):
        CONTACTED = "contacted", _("Contacted")
        NEGOTIATING = "negotiating", _("Negotiating")
        MOU_SIGNED = "mou_signed", _("MoU signed")
        CONTRACT_SIGNED = "contract_signed", _("Contract signed")
        IN_DELIVERY = "in_delivery", _("In delivery")
        LOST = "lost", pgettext_lazy("outcome stage", "Lost")

    class Confirmation(models.TextChoices):
        PENDING = "pending", _("Awaiting the partner")
        CONFIRMED = "confirmed", _("Confirmed by the partner")
        DISPUTED = "disputed", _("Disputed by the partner")

    ORDER = STAGE_ORDER
    AGREEMENT_STAGES = ("mou_signed", "contract_signed", "in_delivery")

    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="+"
    )
    reporter = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="outcomes_reported",
        verbose_name=_("recorded by"),
    )
    partner = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="outcomes_as_partner",
        verbose_name=_("partner"),
    )
    # Where it came from: an introduction, brokerage meetings, sessions of a delegation visit.
    introduction = models.ForeignKey(
        "introductions.Introduction",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="outcomes",
        verbose_name=_("introduction"),
    )
    meetings = models.ManyToManyField(
        "events.Meeting", blank=True, related_name="outcomes", verbose_name=_("meetings")
    )
    visit_sessions = models.ManyToManyField(
        "visits.Session",
        blank=True,
        related_name="register_outcomes",
        verbose_name=_("visit sessions"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    stage = models.CharField(
        _("stage"), max_length=16, choices=Stage.choices, default=Stage.CONTACTED, db_index=True
    )
    stage_on = models.DateField(_("stage reached on"))
    lost_reason = models.TextField(_("why it was lost"), blank=True)
    amount = models.DecimalField(_("value"), max_digits=18, decimal_places=2, null=True, blank=True)
    currency = models.CharField(
        _("currency"), max_length=3, blank=True, choices=[(c, c) for c in CURRENCIES]
    )
    rate_on = models.DateField(_("date of the exchange rate"), null=True, blank=True)
    # Written by the service from the dated rates, so the dashboard sums them in SQL.
    value_gbp = models.DecimalField(max_digits=20, decimal_places=2, null=True, blank=True)
    value_kzt = models.DecimalField(max_digits=22, decimal_places=2, null=True, blank=True)
    local_content_share = models.DecimalField(
        _("local-content share (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    local_content_method = models.ForeignKey(
        LocalContentMethod,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="outcomes",
        verbose_name=_("local-content method"),
    )
    confirmation = models.CharField(
        _("confirmation"),
        max_length=10,
        choices=Confirmation.choices,
        default=Confirmation.PENDING,
        db_index=True,
    )
    dispute_reason = models.TextField(_("why it is disputed"), blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verification_note = models.TextField(_("verification note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(reporter=F("partner")),
                name="outcome_two_organisations",
                violation_error_message=_("An outcome is between two different organisations."),
            ),
            models.CheckConstraint(
                condition=Q(stage__in=[*STAGE_ORDER, "lost"]),
                name="outcome_stage_valid",
                violation_error_message=_("Choose a stage of the list."),
            ),
            models.CheckConstraint(
                condition=~Q(stage="lost") | ~Q(lost_reason=""),
                name="outcome_lost_has_reason",
                violation_error_message=_("Say why the partnership was lost."),
            ),
            models.CheckConstraint(
                condition=Q(amount__isnull=True, currency="", rate_on__isnull=True)
                | Q(amount__gte=0, currency__in=CURRENCIES, rate_on__isnull=False),
                name="outcome_value_complete",
                violation_error_message=_(
                    "A value needs an amount, a currency and the date of its exchange rate."
                ),
            ),
            models.CheckConstraint(
                condition=Q(local_content_share__isnull=True, local_content_method__isnull=True)
                | Q(
                    local_content_share__gte=0,
                    local_content_share__lte=100,
                    local_content_method__isnull=False,
                ),
                name="outcome_local_content_with_method",
                violation_error_message=_(
                    "A local-content share is a percentage from 0 to 100 with its method."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(confirmation="disputed") | ~Q(dispute_reason=""),
                name="outcome_dispute_has_reason",
                violation_error_message=_("Say what is wrong with this outcome."),
            ),
            models.CheckConstraint(
                condition=Q(verified_at__isnull=True) | Q(confirmation="confirmed"),
                name="outcome_verified_is_confirmed",
                violation_error_message=_("Only an outcome its partner confirmed is verified."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.reporter} × {self.partner})"

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None

    def parties(self) -> tuple[int, int]:
        return (self.reporter_id, self.partner_id)


class StageChange(models.Model):
    """One dated step of an outcome's history, kept for good."""

    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="stage_changes")
    stage = models.CharField(_("stage"), max_length=16, choices=Outcome.Stage.choices)
    on = models.DateField(_("date"))
    note = models.TextField(_("note"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")
        ordering = ["outcome", "on", "pk"]

    def __str__(self) -> str:
        return f"{self.outcome_id}: {self.stage} on {self.on}"


class Evidence(models.Model):
    """A signed MoU, a contract, an invoice: what an operator verifies against. Private."""

    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="evidence")
    file = PrivateFileField(_("file"))
    name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["outcome", "uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.name


class FollowUp(models.Model):
    """A question to one participant about one meeting they held, some months after the day."""

    class Answer(models.TextChoices):
        NO_CONTACT = "no_contact", _("No further contact")
        KNOWLEDGE = "knowledge", _("Knowledge gained")
        VALUABLE_CONTACT = "valuable_contact", _("Valuable contact")
        NEGOTIATION = "negotiation", _("Negotiation started")
        AGREEMENT = "agreement", _("Agreement reached")

    PROPOSING = ("negotiation", "agreement")

    meeting = models.ForeignKey("events.Meeting", on_delete=models.CASCADE, related_name="+")
    registration = models.ForeignKey(
        "events.Registration", on_delete=models.CASCADE, related_name="+"
    )
    months = models.PositiveSmallIntegerField(_("months after the day"))
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    sent_at = models.DateTimeField(auto_now_add=True)
    answer = models.CharField(_("answer"), max_length=20, choices=Answer.choices, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    outcome = models.ForeignKey(
        Outcome, null=True, blank=True, on_delete=models.SET_NULL, related_name="follow_ups"
    )

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "registration", "months"], name="follow_up_once"
            ),
            models.CheckConstraint(
                condition=Q(answer="") | Q(answered_at__isnull=False),
                name="follow_up_answer_dated",
                violation_error_message=_("An answer is recorded with its date."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.registration_id} / {self.meeting_id} (+{self.months})"


class ImportRun(models.Model):
    """A file uploaded on the web: checked first (dry run), then imported in the background."""

    class State(models.TextChoices):
        CHECKED = "checked", _("Checked")
        INVALID = "invalid", _("Has problems")
        QUEUED = "queued", _("Queued")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("what is imported"), max_length=20)
    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="+"
    )
    file_name = models.CharField(_("file"), max_length=200)
    rows = models.JSONField(default=list, blank=True)
    problems = models.JSONField(default=list, blank=True)
    # Cells kept as text that a spreadsheet would run as formulas: told, not refused.
    warnings = models.JSONField(default=list, blank=True)
    result = models.JSONField(default=dict, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices)
    job = models.ForeignKey(
        "core.JobProgress", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.kind}: {self.file_name}"
