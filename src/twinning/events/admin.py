from django.contrib import admin

from twinning.events.models import (
    Event,
    Interpreter,
    Meeting,
    MeetingRequest,
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
    list_display = ["requester", "recipient", "event", "status", "expires_at"]
    list_filter = ["status", "event"]
    raw_id_fields = ["requester", "recipient"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["request", "slot", "table", "status", "locked", "sequence"]
    list_select_related = ["request__requester__user", "request__recipient__user", "slot", "table"]
    list_filter = ["status", "locked", "event"]
    raw_id_fields = ["request"]


admin.site.register([Table, Interpreter, ScheduleRun, ScheduleVersion])
