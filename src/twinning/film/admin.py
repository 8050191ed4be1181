"""Admin for the incentive data (with history) and film applications.

Rule edits are checked with the estimator's own reader before they are saved, so an operator
cannot leave the rules in a state the estimator would refuse. Application state changes go
through the pages, whose services audit and notify.
"""

from __future__ import annotations

import copy
from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import construct_instance
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from twinning.film.models import (
    ApplicationBudgetLine,
    ApplicationDocument,
    ExchangeRate,
    FilmApplication,
    IncentiveRule,
    IncentiveSource,
    MciValue,
)
from twinning.film.selectors import rule_problems

PROVENANCE = ["checked_on", "valid_from", "valid_to", "unconfirmed"]


@admin.register(IncentiveSource)
class IncentiveSourceAdmin(SimpleHistoryAdmin):
    list_display = ["key", "title", "url"]
    search_fields = ["key", "title"]


class IncentiveRuleForm(forms.ModelForm):
    class Meta:
        model = IncentiveRule
        fields = [
            "scheme", "name", "jurisdiction", "currency", "source", "checked_on", "valid_from",
            "valid_to", "unconfirmed", "note", "base_kind", "minimum_spend_kind",
            "minimum_spend_value", "parameters",
        ]  # fmt: skip

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.errors:
            problems = rule_problems(rule=construct_instance(self, copy.copy(self.instance)))
            if problems:
                raise ValidationError(problems)
        return cleaned


@admin.register(IncentiveRule)
class IncentiveRuleAdmin(SimpleHistoryAdmin):
    form = IncentiveRuleForm
    list_display = ["scheme", "name", "jurisdiction", "currency", *PROVENANCE]
    list_filter = ["jurisdiction", "scheme", "unconfirmed"]
    search_fields = ["scheme", "name", "note"]
    autocomplete_fields = ["source"]


@admin.register(MciValue)
class MciValueAdmin(SimpleHistoryAdmin):
    list_display = ["year", "value", "source", *PROVENANCE]
    autocomplete_fields = ["source"]


@admin.register(ExchangeRate)
class ExchangeRateAdmin(SimpleHistoryAdmin):
    list_display = ["date", "base", "quote", "rate", "unconfirmed", "source"]
    list_filter = ["base", "quote", "unconfirmed"]
    date_hierarchy = "date"


class BudgetLineInline(admin.TabularInline):
    model = ApplicationBudgetLine
    extra = 0


class DocumentInline(admin.TabularInline):
    model = ApplicationDocument
    extra = 0
    readonly_fields = ["kind", "download", "size", "uploaded_by", "uploaded_at"]
    fields = readonly_fields
    can_delete = False

    @admin.display(description=_("file"))
    def download(self, document: ApplicationDocument) -> str:
        # Private files have no URL of their own: link to the route that checks permission.
        url = reverse("film:document", args=[document.pk])
        return format_html('<a href="{}">{}</a>', url, document.original_name)

    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False  # uploads go through the application page, which checks type and size


@admin.register(FilmApplication)
class FilmApplicationAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "format", "state", "submitted_at", "updated_at"]
    list_filter = ["state", "format"]
    search_fields = ["title", "organisation__legal_name", "service_company_name"]
    autocomplete_fields = ["organisation"]
    readonly_fields = [
        "state", "created_by", "changes_requested", "approved_amount", "approved_currency",
        "rejection_reason", "paid_amount", "paid_on", "submitted_at", "created_at", "updated_at",
    ]  # fmt: skip
    inlines = [BudgetLineInline, DocumentInline]

    def get_queryset(self, request: Any) -> Any:
        return super().get_queryset(request).select_related("organisation")
