"""Admin for organisations, members and opportunities.

Workflow changes go through the services (publish, reject), so the audit log and the e-mails are
the same as from the validation queue.
"""

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from twinning.organisations import services
from twinning.organisations.models import Membership, Opportunity, Organisation


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["legal_name", "kind", "region", "side", "registry_id", "verified_at"]
    list_filter = ["side", "kind", "size", "region"]
    search_fields = ["legal_name", "name_en", "name_ru", "name_kk", "registry_id", "slug"]
    readonly_fields = ["side", "verified_at", "created_at", "updated_at"]
    autocomplete_fields = ["sectors"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = [MembershipInline]
    actions = ["verify"]

    def save_model(self, request: HttpRequest, obj: Organisation, form: Any, change: bool) -> None:
        # The side follows the region and the search text follows the names, as in the services.
        obj.side = obj.region.side
        obj.search_text = services.organisation_search_text(obj)
        super().save_model(request, obj, form, change)

    @admin.action(description=gettext_lazy("Mark as verified"))
    def verify(self, request: HttpRequest, queryset: QuerySet[Organisation]) -> None:
        for organisation in queryset:
            services.organisation_verify(organisation=organisation, by=request.user)
        count = queryset.count()
        self.message_user(
            request,
            ngettext("%(count)d organisation verified.", "%(count)d organisations verified.", count)
            % {"count": count},
        )


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__email", "organisation__legal_name"]
    autocomplete_fields = ["user", "organisation"]


class RejectReasonForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Reason for returning it"), widget=forms.Textarea)


@admin.register(Opportunity)
class OpportunityAdmin(admin.ModelAdmin):
    list_display = ["reference", "title", "organisation", "type", "status", "expires_on"]
    list_filter = ["status", "type", "organisation__side"]
    search_fields = ["reference", "title", "organisation__legal_name"]
    readonly_fields = [
        "status", "rejection_reason", "submitted_at", "published_at", "closed_at", "created_by",
        "created_at", "updated_at",
    ]  # fmt: skip
    autocomplete_fields = ["organisation", "sectors", "target_regions"]
    date_hierarchy = "created_at"
    actions = ["publish", "reject"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Opportunity]:
        return super().get_queryset(request).select_related("organisation")

    def save_model(self, request: HttpRequest, obj: Opportunity, form: Any, change: bool) -> None:
        obj.search_text = services.opportunity_search_text(obj)
        super().save_model(request, obj, form, change)

    @admin.action(description=gettext_lazy("Publish the selected submitted opportunities"))
    def publish(self, request: HttpRequest, queryset: QuerySet[Opportunity]) -> None:
        done = self._apply(request, queryset, services.opportunity_publish)
        self.message_user(
            request,
            ngettext("%(count)d opportunity published.", "%(count)d opportunities published.", done)
            % {"count": done},
        )

    @admin.action(description=gettext_lazy("Return the selected opportunities for changes"))
    def reject(self, request: HttpRequest, queryset: QuerySet[Opportunity]) -> HttpResponse | None:
        form = RejectReasonForm(request.POST if "reason" in request.POST else None)
        if not form.is_valid():
            context = {
                **self.admin_site.each_context(request),
                "title": _("Return for changes"),
                "opportunities": queryset,
                "form": form,
                "opts": self.model._meta,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(request, "admin/organisations/opportunity/reject.html", context)
        reason = form.cleaned_data["reason"]
        done = self._apply(request, queryset, services.opportunity_reject, reason=reason)
        self.message_user(
            request,
            ngettext(
                "%(count)d opportunity returned for changes.",
                "%(count)d opportunities returned for changes.",
                done,
            )
            % {"count": done},
        )
        return None

    def _apply(
        self, request: HttpRequest, queryset: QuerySet[Opportunity], service: Any, **extra: Any
    ) -> int:
        done = 0
        for opportunity in queryset:
            try:
                service(opportunity=opportunity, by=request.user, **extra)
                done += 1
            except (PermissionDenied, ValidationError):
                self.message_user(
                    request,
                    _("%(reference)s is not waiting for validation; left as it is.")
                    % {"reference": opportunity.reference},
                    messages.WARNING,
                )
        return done
