"""Incentive rules, MCI and exchange rates as dated, sourced data; film applications.

The rules' dated and sourced fields are columns (so operators filter and sort by them, and the
database keeps them sane); the figures inside a rule (rates by format, caps, conditions, notices),
each with its own provenance, are kept in ``parameters`` in the shape of the bundled rules file, so
the pure ``rulebook_from_data`` reads and validates database and file alike.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from twinning.core.files import PrivateFileField
from twinning.core.transitions import Workflow, step

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
# 15 digits before the point, as the estimator's input reader allows.
MONEY: dict[str, Any] = {"max_digits": 17, "decimal_places": 2}


class Dated(models.Model):
    """Where a figure comes from and when it holds."""

    checked_on = models.DateField(_("checked on"))
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    unconfirmed = models.BooleanField(
        _("unconfirmed"), default=False, help_text=_("Shown as unconfirmed beside every estimate.")
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        abstract = True


def _valid_dates(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
        name=name,
        violation_error_message=_("The end of validity cannot come before its start."),
    )


class IncentiveSource(models.Model):
    key = models.SlugField(_("key"), max_length=60, unique=True)
    title = models.TextField(_("title"))
    url = models.URLField(_("address"), max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("incentive source")
        verbose_name_plural = _("incentive sources")
        ordering = ["key"]

    def __str__(self) -> str:
        return self.key


class IncentiveRule(Dated):
    """One version of an incentive scheme, in force from ``valid_from``."""

    class Jurisdiction(models.TextChoices):
        KZ = "KZ", _("Kazakhstan")
        UK = "UK", _("United Kingdom")

    class BaseKind(models.TextChoices):
        LOCAL_SPEND = "local-spend", _("Qualifying expenditure in the country")
        LOCAL_CORE_CAPPED = (
            "local-core-capped",
            _("The lower of a share of total core expenditure and core expenditure in the country"),
        )

    class MinimumKind(models.TextChoices):
        AMOUNT = "amount", _("An amount in the scheme's currency")
        MCI_MULTIPLE = "mci-multiple", _("A multiple of the MCI")

    scheme = models.SlugField(_("scheme code"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    jurisdiction = models.CharField(_("jurisdiction"), max_length=2, choices=Jurisdiction.choices)
    currency = models.CharField(_("currency"), max_length=3)
    source = models.ForeignKey(
        IncentiveSource, on_delete=models.PROTECT, related_name="rules", verbose_name=_("source")
    )
    base_kind = models.CharField(_("base"), max_length=20, choices=BaseKind.choices)
    minimum_spend_kind = models.CharField(
        _("minimum spend in"), max_length=20, choices=MinimumKind.choices, blank=True
    )
    minimum_spend_value = models.DecimalField(
        _("minimum spend"),
        null=True,
        blank=True,
        **MONEY,  # type: ignore[arg-type]
    )
    parameters = models.JSONField(
        _("figures"),
        default=dict,
        blank=True,
        help_text=_(
            "The base details, rates by format, caps, conditions and notices, each with its "
            "source, checked-on date, validity and unconfirmed flag (see docs/film.md)."
        ),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("incentive rule")
        verbose_name_plural = _("incentive rules")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "valid_from"], name="film_rule_version"),
            _valid_dates("film_rule_valid_dates"),
            models.CheckConstraint(
                condition=Q(jurisdiction__in=["KZ", "UK"]),
                name="film_rule_jurisdiction_valid",
                violation_error_message=_("Choose one of the offered values."),
            ),
            models.CheckConstraint(
                condition=Q(base_kind__in=["local-spend", "local-core-capped"]),
                name="film_rule_base_kind_valid",
                violation_error_message=_("Choose one of the offered values."),
            ),
            models.CheckConstraint(
                condition=Q(minimum_spend_kind="", minimum_spend_value__isnull=True)
                | Q(
                    minimum_spend_kind__in=["amount", "mci-multiple"],
                    minimum_spend_value__isnull=False,
                    minimum_spend_value__gt=0,
                ),
                name="film_rule_minimum_spend_complete",
                violation_error_message=_(
                    "A minimum spend needs both its kind and a positive value, or neither."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.scheme} ({self.valid_from})"


class MciValue(Dated):
    """Kazakhstan's monthly calculation index for one year, set by that year's budget law."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    value = models.DecimalField(_("MCI (KZT)"), max_digits=12, decimal_places=2)
    source = models.ForeignKey(
        IncentiveSource, on_delete=models.PROTECT, related_name="mci", verbose_name=_("source")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("MCI value")
        verbose_name_plural = _("MCI values")
        ordering = ["year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(value__gt=0),
                name="film_mci_positive",
                violation_error_message=_("The MCI value must be positive."),
            ),
            _valid_dates("film_mci_valid_dates"),
        ]

    def __str__(self) -> str:
        return f"MCI {self.year}: {self.value}"


class ExchangeRate(models.Model):
    """1 ``base`` = ``rate`` ``quote`` on ``date``, as central banks publish rates."""

    date = models.DateField(_("date"))
    base = models.CharField(_("base currency"), max_length=3)
    quote = models.CharField(_("quote currency"), max_length=3)
    rate = models.DecimalField(_("rate"), max_digits=20, decimal_places=8)
    source = models.CharField(_("source"), max_length=300, blank=True)
    unconfirmed = models.BooleanField(_("unconfirmed"), default=False)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        ordering = ["-date", "base", "quote"]
        constraints = [
            models.UniqueConstraint(fields=["date", "base", "quote"], name="film_rate_once"),
            models.CheckConstraint(
                condition=Q(rate__gt=0),
                name="film_rate_positive",
                violation_error_message=_("An exchange rate must be positive."),
            ),
            models.CheckConstraint(
                condition=~Q(base=F("quote")),
                name="film_rate_two_currencies",
                violation_error_message=_("An exchange rate joins two different currencies."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date} 1 {self.base} = {self.rate} {self.quote}"


class ProductionFormat(models.TextChoices):
    FEATURE = "feature", _("Feature film")
    SERIES = "series", _("Television series")
    DOCUMENTARY = "documentary", _("Documentary")
    ANIMATION = "animation", _("Animation")
    CHILDRENS = "childrens", _("Children's")


class SpentIn(models.TextChoices):
    KZ = "KZ", _("Kazakhstan")
    UK = "UK", _("United Kingdom")
    OTHER = "other", pgettext_lazy("place", "Elsewhere")


class FilmApplication(models.Model):
    """A studio's application for the Kazakh rebate, from draft to payment."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        UNDER_REVIEW = "under_review", _("Under review")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        PAID = "paid", _("Paid")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="film_applications",
        verbose_name=_("studio"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    state = models.CharField(
        _("status"), max_length=20, choices=State.choices, default=State.DRAFT, db_index=True
    )
    title = models.CharField(_("title"), max_length=200)
    format = models.CharField(_("format"), max_length=20, choices=ProductionFormat.choices)
    currency = models.CharField(_("budget currency"), max_length=3)
    total_core_expenditure = models.DecimalField(
        _("total core expenditure"),
        **MONEY,  # type: ignore[arg-type]
    )
    hours = models.DecimalField(
        _("hours (series)"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    shoot_start = models.DateField(_("shoot starts"))
    shoot_end = models.DateField(_("shoot ends"))
    foreign_legal_entity = models.BooleanField(_("foreign legal entity"), default=True)
    uk_certified = models.BooleanField(_("British certification"), default=False)
    uk_writer_or_director = models.BooleanField(_("UK writer or director"), default=False)
    official_coproduction = models.BooleanField(_("official co-production"), default=False)
    shoot_plan = models.TextField(_("shoot plan"), blank=True)
    service_company_name = models.CharField(_("Kazakh service company"), max_length=200, blank=True)
    service_company_bin = models.CharField(_("service company BIN"), max_length=12, blank=True)
    estimate = models.JSONField(_("estimate"), default=dict, blank=True, editable=False)
    changes_requested = models.TextField(_("changes requested"), blank=True)
    approved_amount = models.DecimalField(
        _("approved amount"),
        null=True,
        blank=True,
        **MONEY,  # type: ignore[arg-type]
    )
    approved_currency = models.CharField(_("approved currency"), max_length=3, blank=True)
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    paid_amount = models.DecimalField(
        _("paid amount"),
        null=True,
        blank=True,
        **MONEY,  # type: ignore[arg-type]
    )
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # No row history here: an application's trail is the audit log (docs/security.md, Privacy).

    class Meta:
        verbose_name = _("film application")
        verbose_name_plural = _("film applications")
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    state__in=[
                        "draft",
                        "submitted",
                        "under_review",
                        "changes_requested",
                        "approved",
                        "rejected",
                        "paid",
                    ]
                ),
                name="film_application_state_valid",
                violation_error_message=_("Choose one of the offered values."),
            ),
            models.CheckConstraint(
                condition=Q(shoot_end__gte=F("shoot_start")),
                name="film_application_shoot_dates",
                violation_error_message=_("The shoot cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(total_core_expenditure__gt=0),
                name="film_application_core_positive",
                violation_error_message=_("The total core expenditure must be positive."),
            ),
            models.CheckConstraint(
                condition=Q(hours__isnull=True) | Q(hours__gt=0),
                name="film_application_hours_positive",
                violation_error_message=_("The hours must be positive, or left empty."),
            ),
            models.CheckConstraint(
                condition=~Q(state__in=["approved", "paid"])
                | (
                    Q(approved_amount__isnull=False, approved_amount__gt=0)
                    & ~Q(approved_currency="")
                ),
                name="film_application_approved_has_amount",
                violation_error_message=_(
                    "An approved application needs an approved amount and its currency."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(state="rejected") | ~Q(rejection_reason=""),
                name="film_application_rejected_has_reason",
                violation_error_message=_("A rejected application needs a reason."),
            ),
            models.CheckConstraint(
                condition=~Q(state="paid")
                | Q(paid_amount__isnull=False, paid_amount__gt=0, paid_on__isnull=False),
                name="film_application_paid_has_payment",
                violation_error_message=_("A paid application needs the amount paid and the date."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_state_display()})"


class ApplicationBudgetLine(models.Model):
    application = models.ForeignKey(
        FilmApplication, on_delete=models.CASCADE, related_name="budget_lines"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    category = models.CharField(_("category"), max_length=200)
    amount = models.DecimalField(_("amount"), **MONEY)  # type: ignore[arg-type]
    currency = models.CharField(_("currency"), max_length=3)
    spent_in = models.CharField(_("spent in"), max_length=5, choices=SpentIn.choices)
    paid_to_resident = models.BooleanField(_("paid to a resident"), default=True)
    core = models.BooleanField(_("core expenditure"), default=True)

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["application", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="film_line_amount_positive",
                violation_error_message=_("A budget line's amount cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(spent_in__in=["KZ", "UK", "other"]),
                name="film_line_spent_in_valid",
                violation_error_message=_("Choose one of the offered values."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.category}: {self.amount} {self.currency}"


class ApplicationDocument(models.Model):
    class Kind(models.TextChoices):
        SCRIPT = "script", _("Script")
        BUDGET = "budget", _("Budget")
        SCHEDULE = "schedule", _("Shooting schedule")
        REGISTRATION = "registration", _("Company registration")
        OTHER = "other", pgettext_lazy("document kind", "Other")

    application = models.ForeignKey(
        FilmApplication, on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(_("document type"), max_length=20, choices=Kind.choices)
    file = PrivateFileField(_("file"))
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("application document")
        verbose_name_plural = _("application documents")
        ordering = ["application", "uploaded_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["script", "budget", "schedule", "registration", "other"]),
                name="film_document_kind_valid",
                violation_error_message=_("Choose one of the offered values."),
            ),
            models.CheckConstraint(
                condition=Q(size__gt=0, size__lte=MAX_DOCUMENT_BYTES),
                name="film_document_size_limit",
                violation_error_message=_("A document must be between 1 byte and 10 MB."),
            ),
        ]

    def __str__(self) -> str:
        return self.original_name


# Which state each step may start from (core.transitions): services move, rules ask.
_S = FilmApplication.State
FILM_FLOW = Workflow(
    model=FilmApplication,
    field="state",
    transitions=[
        step("submit", [_S.DRAFT, _S.CHANGES_REQUESTED], _S.SUBMITTED),
        step("start_review", [_S.SUBMITTED], _S.UNDER_REVIEW),
        step("request_changes", [_S.SUBMITTED, _S.UNDER_REVIEW], _S.CHANGES_REQUESTED),
        step("approve", [_S.UNDER_REVIEW], _S.APPROVED),
        step("reject", [_S.UNDER_REVIEW], _S.REJECTED),
        step("mark_paid", [_S.APPROVED], _S.PAID),
    ],
)
