"""Organisations, their members and the opportunities they publish."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from twinning.core.i18n import localized
from twinning.core.transitions import Workflow, step


class Organisation(models.Model):
    class Kind(models.TextChoices):
        COMPANY = "company", _("Company")
        PUBLIC_BODY = "public_body", _("Public body")
        UNIVERSITY = "university", _("University")
        NGO = "ngo", _("NGO")
        STUDIO = "studio", _("Film/TV studio")
        OTHER = "other", pgettext_lazy("organisation kind", "Other")

    class Size(models.TextChoices):
        MICRO = "micro", _("1–9 people")
        SMALL = "small", _("10–49 people")
        MEDIUM = "medium", _("50–249 people")
        LARGE = "large", _("250 people or more")

    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.PROTECT, related_name="organisations"
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.COMPANY)
    legal_name = models.CharField(_("legal name"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    name_ru = models.CharField(_("name in Russian"), max_length=200, blank=True)
    name_kk = models.CharField(_("name in Kazakh"), max_length=200, blank=True)
    region = models.ForeignKey(
        "programmes.Region", on_delete=models.PROTECT, related_name="organisations"
    )
    side = models.ForeignKey(
        "programmes.Side", on_delete=models.PROTECT, related_name="organisations", editable=False
    )
    size = models.CharField(_("size"), max_length=10, choices=Size.choices, blank=True)
    year_founded = models.PositiveSmallIntegerField(_("year founded"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    working_languages = models.CharField(
        _("working languages"), max_length=40, blank=True, help_text=_("Comma-separated codes")
    )
    sectors = models.ManyToManyField(
        "programmes.Sector", related_name="organisations", verbose_name=_("sectors (NACE)")
    )
    description = models.TextField(_("description"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    registry_id = models.CharField(_("registry identifier"), max_length=20, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="organisations"
    )
    search_text = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["legal_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["side", "registry_id"],
                condition=~Q(registry_id=""),
                name="organisation_registry_id_unique_per_side",
            ),
            models.CheckConstraint(
                condition=Q(year_founded__isnull=True)
                | Q(year_founded__gte=1700, year_founded__lte=2100),
                name="organisation_year_founded_range",
                violation_error_message=_("The year founded must be between 1700 and 2100."),
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return localized(self, "name") or self.legal_name

    @property
    def language_list(self) -> list[str]:
        return [code for code in self.working_languages.split(",") if code]


class Membership(models.Model):
    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        MEMBER = "member", _("Member")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="membership_once"),
            models.CheckConstraint(
                condition=Q(role__in=["owner", "member"]),
                name="membership_role_valid",
                violation_error_message=_("Choose one of the offered values."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation} ({self.role})"


class Opportunity(models.Model):
    class Type(models.TextChoices):
        BUSINESS_OFFER = "business_offer", _("Business offer")
        BUSINESS_REQUEST = "business_request", _("Business request")
        TECHNOLOGY_OFFER = "technology_offer", _("Technology offer")
        TECHNOLOGY_REQUEST = "technology_request", _("Technology request")
        INVESTMENT_OFFER = "investment_offer", _("Investment offer")
        INVESTMENT_REQUEST = "investment_request", _("Investment request")
        PARTNERSHIP = "partnership", _("Partnership / joint venture")
        DISTRIBUTION = "distribution", _("Distribution / agency")
        TOURISM = "tourism", _("Tourism")
        FILM_COPRODUCTION = "film_coproduction", _("Film co-production")
        LOCAL_CONTENT = "local_content", _("Local-content supplier")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for validation")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Returned for changes")
        EXPIRED = "expired", _("Expired")
        CLOSED = "closed", _("Closed")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="opportunities"
    )
    reference = models.CharField(_("reference"), max_length=30, unique=True)
    type = models.CharField(_("type"), max_length=30, choices=Type.choices)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=500)
    description = models.TextField(_("description"), blank=True)
    sectors = models.ManyToManyField(
        "programmes.Sector", related_name="opportunities", verbose_name=_("sectors (NACE)")
    )
    target_side = models.ForeignKey(
        "programmes.Side",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("target side"),
    )
    target_regions = models.ManyToManyField(
        "programmes.Region", blank=True, related_name="+", verbose_name=_("target regions")
    )
    languages = models.CharField(_("languages"), max_length=40, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    expires_on = models.DateField(_("expires on"))
    rejection_reason = models.TextField(_("reason for return"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    search_text = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")
        ordering = ["-published_at", "-created_at"]
        # The directory: published, newest first (selectors.opportunities_published).
        indexes = [
            models.Index(fields=["status", "-published_at", "-id"], name="opportunity_directory"),
            # The directory search's "has any opportunity changed?" (its latest save) per search.
            models.Index(fields=["updated_at"], name="opportunity_updated"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    status__in=["draft", "submitted", "published", "rejected", "expired", "closed"]
                ),
                name="opportunity_status_valid",
                violation_error_message=_("Choose one of the offered values."),
            ),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(rejection_reason=""),
                name="opportunity_rejection_has_reason",
                violation_error_message=_("A rejected opportunity needs a reason."),
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="opportunity_published_has_date",
                violation_error_message=_("A published opportunity needs a publication date."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def language_list(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]


# Which state each step may start from (core.transitions): services move, rules ask.
_O = Opportunity.Status
OPPORTUNITY_FLOW = Workflow(
    model=Opportunity,
    field="status",
    transitions=[
        step("submit", [_O.DRAFT, _O.REJECTED], _O.SUBMITTED),
        step("publish", [_O.SUBMITTED], _O.PUBLISHED),
        step("reject", [_O.SUBMITTED], _O.REJECTED),
        step("close", [_O.DRAFT, _O.SUBMITTED, _O.PUBLISHED, _O.REJECTED, _O.EXPIRED], _O.CLOSED),
        step("renew", [_O.PUBLISHED, _O.EXPIRED], _O.PUBLISHED),
        step("expire", [_O.PUBLISHED], _O.EXPIRED),
    ],
)
