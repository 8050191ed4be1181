"""Stored results of the matching engine: cached embeddings, recommendations and feedback."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class EmbeddingCache(models.Model):
    """One text's vector for one model version; texts are known only by their hash.

    The vector is numpy float32 bytes, so the same column works on SQLite and PostgreSQL.
    """

    text_hash = models.CharField(_("text hash"), max_length=64)
    model_version = models.CharField(_("model version"), max_length=100)
    vector = models.BinaryField(_("vector"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("cached embedding")
        verbose_name_plural = _("cached embeddings")
        constraints = [
            models.UniqueConstraint(
                fields=["text_hash", "model_version"], name="embedding_once_per_model"
            )
        ]

    def __str__(self) -> str:
        return f"{self.text_hash[:12]} ({self.model_version})"


class MatchingRun(models.Model):
    """One full recompute of a programme. Incremental updates refer to the latest run's token."""

    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="+"
    )
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    job = models.ForeignKey(
        "core.JobProgress", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisations = models.PositiveIntegerField(_("organisations"), default=0)
    texts_embedded = models.PositiveIntegerField(_("texts embedded"), default=0)
    seconds = models.FloatField(_("duration (s)"), default=0)
    started_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("matching run")
        verbose_name_plural = _("matching runs")
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.programme_id} {self.started_at:%Y-%m-%d %H:%M}"


class Recommendation(models.Model):
    """A candidate partner in an organisation's list, or in the list of one of its opportunities."""

    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="+"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="recommendations"
    )
    candidate = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    opportunity = models.ForeignKey(
        "organisations.Opportunity",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="recommendations",
        help_text=_("Empty for the organisation's own list."),
    )
    score = models.FloatField(_("score"))
    rank = models.PositiveSmallIntegerField(_("rank"))
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    computed_at = models.DateTimeField(_("computed at"))

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["organisation", "opportunity", "rank"]
        constraints = [
            # Two constraints because NULLs never collide in a plain unique constraint.
            models.UniqueConstraint(
                fields=["organisation", "candidate"],
                condition=Q(opportunity__isnull=True),
                name="recommendation_once_per_organisation",
            ),
            models.UniqueConstraint(
                fields=["organisation", "candidate", "opportunity"],
                condition=Q(opportunity__isnull=False),
                name="recommendation_once_per_opportunity",
            ),
            models.CheckConstraint(
                condition=~Q(organisation=F("candidate")),
                name="recommendation_not_self",
                violation_error_message=_("An organisation is not recommended to itself."),
            ),
            models.CheckConstraint(
                condition=Q(rank__gte=1),
                name="recommendation_rank_positive",
                violation_error_message=_("A rank starts at 1."),
            ),
        ]
        indexes = [models.Index(fields=["programme", "opportunity", "rank"])]

    def __str__(self) -> str:
        return f"{self.organisation_id} → {self.candidate_id} #{self.rank}"


class Feedback(models.Model):
    """What one organisation said about a recommended partner. Seen by that organisation only."""

    class Kind(models.TextChoices):
        MUST_MEET = "must_meet", _("Must meet")
        INTERESTING = "interesting", _("Interesting")
        NOT_INTERESTED = "not_interested", _("Not interested")

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="matching_feedback"
    )
    candidate = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("feedback"), max_length=20, choices=Kind.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "candidate"], name="feedback_once_per_pair"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["must_meet", "interesting", "not_interested"]),
                name="feedback_kind_valid",
                violation_error_message=_("Choose one of the offered values."),
            ),
            models.CheckConstraint(
                condition=~Q(organisation=F("candidate")),
                name="feedback_not_self",
                violation_error_message=_("An organisation cannot give feedback on itself."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} → {self.candidate_id}: {self.kind}"
