from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import ForeignKey, QuerySet
from django.forms import BaseInlineFormSet, ModelChoiceField, ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from twinning.events import services
from twinning.events.models import (
    BrokerageRules,
    Event,
    Interpreter,
    Meeting,
    MeetingRequest,
    Precedence,
    Registration,
    ScheduleRun,
    ScheduleVersion,
    Table,
)


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title_en", "kind", "status", "starts_on", "is_public", "capacity"]
    list_filter = ["kind", "status", "is_public"]
    search_fields = ["title_en", "title_ru", "title_kk", "slug"]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "event", "status"]
    list_filter = ["status", "event"]
    raw_id_fields = ["user", "organisation"]


@admin.register(MeetingRequest)
class MeetingRequestAdmin(admin.ModelAdmin):
    list_display = [
        "requester",
        "recipient",
        "event",
        "status",
        "priority",
        "session",
        "expires_at",
    ]
    list_select_related = ["requester__user", "recipient__user", "event"]
    list_filter = ["status", "session", "event"]
    raw_id_fields = ["requester", "recipient"]


class PrecedenceInline(admin.TabularInline):
    """The meetings that must take place before the one being edited, from the same event."""

    model = Precedence
    fk_name = "later"
    extra = 1
    verbose_name = _("takes place after")
    verbose_name_plural = _("takes place after")

    def formfield_for_foreignkey(
        self, db_field: ForeignKey, request: HttpRequest, **kwargs: Any
    ) -> ModelChoiceField | None:
        if db_field.name == "earlier":
            kwargs["queryset"] = self._same_event(request)
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if field is not None and db_field.name == "earlier":
            field.label_from_instance = lambda meeting: meeting.names
        return field

    @staticmethod
    def _same_event(request: HttpRequest) -> QuerySet[Meeting]:
        match = request.resolver_match
        meeting = Meeting.objects.filter(pk=match.kwargs.get("object_id") if match else None)
        event = meeting.values("event_id")[:1]
        return (
            Meeting.objects.filter(event_id__in=event, status__in=Meeting.ACTIVE)
            .exclude(pk__in=meeting.values("pk"))
            .select_related("request__requester__user", "request__recipient__user")
            .order_by("pk")
        )


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["request", "slot", "table", "status", "locked", "session_wish", "sequence"]
    list_select_related = ["request__requester__user", "request__recipient__user", "slot", "table"]
    list_filter = ["status", "locked", "request__session", "event"]
    raw_id_fields = ["request"]
    inlines = [PrecedenceInline]

    @admin.display(description=_("session wished"), ordering="request__session")
    def session_wish(self, meeting: Meeting) -> str:
        return meeting.request.get_session_display()

    def save_formset(
        self, request: HttpRequest, form: ModelForm, formset: BaseInlineFormSet, change: bool
    ) -> None:
        """The order of meetings goes through the service, which checks it under a lock."""
        if formset.model is not Precedence:
            super().save_formset(request, form, formset, change)
            return
        formset.save(commit=False)  # saves nothing; lists the changes for the admin's history
        kept = [
            row.cleaned_data["earlier"]
            for row in formset.forms
            if row.cleaned_data.get("earlier") and not row.cleaned_data.get("DELETE")
        ]
        try:
            services.meeting_set_after(meeting=form.instance, after=kept, by=request.user)
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)


admin.site.register([Table, Interpreter, ScheduleRun, ScheduleVersion])


@admin.register(BrokerageRules)
class BrokerageRulesAdmin(SimpleHistoryAdmin):
    """Changes here are kept in the rules' history; the operator pages also write the audit
    log, so prefer them."""

    list_display = ["__str__", "pairing", "meeting_cap", "repeat_meetings", "region_quota"]
    raw_id_fields = ["programme", "event"]

    def save_model(
        self, request: HttpRequest, obj: BrokerageRules, form: Any, change: bool
    ) -> None:
        fields = {name: getattr(obj, name) for name in services.RULE_FIELDS}
        owner = {"event": obj.event} if obj.event_id else {"programme": obj.programme}
        try:
            saved = services.brokerage_rules_set(by=request.user, **owner, **fields)
        except ValidationError as error:
            self.message_user(request, "; ".join(error.messages), messages.ERROR)
            return
        obj.pk = saved.pk
