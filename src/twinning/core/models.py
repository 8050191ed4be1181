"""Accounts, consent, the audit log and background-job progress: what every app uses."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class EmailUserManager(UserManager["User"]):
    def _create_user_object(self, username, email, password, **extra_fields):  # type: ignore[no-untyped-def]
        email = self.normalize_email(email or username)
        return super()._create_user_object(email, email, password, **extra_fields)  # type: ignore[misc]

    def create_user(self, email=None, password=None, **extra_fields):  # type: ignore[no-untyped-def,override]
        extra_fields.pop("username", None)
        return super().create_user(email, email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):  # type: ignore[no-untyped-def,override]
        extra_fields.pop("username", None)
        return super().create_superuser(email, email, password, **extra_fields)


class User(AbstractUser):
    """A person who signs in with an e-mail address.

    `username` mirrors the e-mail so that Django's admin and password tools keep working.
    """

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    time_zone = models.CharField(_("time zone"), max_length=64, blank=True)
    # When the inactive-account warning went out (retention); signing in again clears it.
    inactivity_warned_at = models.DateTimeField(null=True, blank=True, editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []
    objects = EmailUserManager()  # type: ignore[misc]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_ci_unique")]

    def __str__(self) -> str:
        return self.full_name or self.email

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        self.username = self.email
        super().save(*args, **kwargs)

    @property
    def is_operator(self) -> bool:
        return self.is_staff


class Consent(models.Model):
    """One person's agreement to one purpose, from `given_at` until `withdrawn_at` (if ever).

    Agreeing to the terms (the privacy notice) is one purpose among others, recorded with the
    notice's version; a withdrawn consent stays as a record, and giving it again starts a new row.
    """

    class Purpose(models.TextChoices):
        TERMS = "terms", _("Terms of use and privacy notice")
        MATCHING = "matching", _("My profile used for matching and recommendations")
        MARKETING = "marketing", _("News and invitations by e-mail")
        PHOTOS = "photos", _("Photos and my name on visit and event attendee lists")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(
        _("purpose"), max_length=20, choices=Purpose.choices, default=Purpose.TERMS
    )
    notice_version = models.CharField(_("notice version"), max_length=20)
    given_at = models.DateTimeField(_("given at"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["purpose", "-given_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "purpose", "notice_version"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="consent_active_once",
                violation_error_message=_("This consent is already given."),
            ),
            models.CheckConstraint(
                condition=models.Q(purpose__in=["terms", "matching", "marketing", "photos"]),
                name="consent_purpose_valid",
                violation_error_message=_("Choose one of the offered values."),
            ),
            models.CheckConstraint(
                condition=models.Q(withdrawn_at__isnull=True)
                | models.Q(withdrawn_at__gte=models.F("given_at")),
                name="consent_withdrawn_after_given",
                violation_error_message=_("A consent cannot be withdrawn before it was given."),
            ),
            models.CheckConstraint(
                condition=~models.Q(notice_version=""),
                name="consent_names_notice_version",
                violation_error_message=_("A consent names the privacy notice it was given under."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_purpose_display()} ({self.notice_version})"

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None


class AuditEntry(models.Model):
    """Who did what to which object, and when. Written by services, never edited."""

    actor = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="audit_entries"
    )
    action = models.CharField(_("action"), max_length=80, db_index=True)
    content_type = models.ForeignKey(ContentType, null=True, on_delete=models.SET_NULL)
    object_id = models.CharField(max_length=64, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    #: Whose personal data the action touched (the person, their student profile, their
    #: registration...); the operators' audit log filters by it and erasure scrubs by it.
    subject = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_entries_about",
        verbose_name=_("whose data"),
    )
    data = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.object_repr}"


class JobProgress(models.Model):
    """Progress of a long background job, polled by pages and printed by commands."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=60)
    label = models.CharField(_("label"), max_length=200, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    message = models.CharField(max_length=300, blank=True)
    result = models.JSONField(default=dict, blank=True)
    started_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(done__lte=models.F("total")) | models.Q(total=0),
                name="jobprogress_done_lte_total",
                violation_error_message=_("A job cannot have done more steps than it has."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.label} ({self.percent}%)"

    @property
    def percent(self) -> int:
        if self.state == self.State.DONE:
            return 100
        return int(100 * self.done / self.total) if self.total else 0

    @property
    def finished(self) -> bool:
        return self.state in {self.State.DONE, self.State.FAILED}


class ApiToken(models.Model):
    """A personal key for the REST API. Only a hash is stored; the key is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("prefix"), max_length=8)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class DeletionReceipt(models.Model):
    """The proof that an account was erased: what went and when, under a reference number.

    It holds no personal data (no name, e-mail or id of the person), so it is kept for good.
    """

    class Reason(models.TextChoices):
        REQUEST = "request", _("At the person's request")
        RETENTION = "retention", _("Inactive account, at the end of its retention period")

    reference = models.CharField(_("reference"), max_length=24, unique=True)
    deleted_at = models.DateTimeField(_("deleted at"), auto_now_add=True)
    #: Counts by kind of record ("registrations": 2, "files": 1, "history records scrubbed": 3).
    summary = models.JSONField(_("what was deleted"), default=dict)
    reason = models.CharField(
        _("reason"), max_length=20, choices=Reason.choices, default=Reason.REQUEST
    )

    class Meta:
        verbose_name = _("deletion receipt")
        verbose_name_plural = _("deletion receipts")
        ordering = ["-deleted_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(reason__in=["request", "retention"]),
                name="deletion_receipt_reason_valid",
                violation_error_message=_("Choose one of the offered values."),
            )
        ]

    def __str__(self) -> str:
        return self.reference
