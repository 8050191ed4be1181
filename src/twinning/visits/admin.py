"""Back office for visits: read and correct rows; the pages and services do the work."""

from django.contrib import admin

from twinning.visits.models import Attendee, Person, Session, TravelTime, Venue, Visit


class PersonInline(admin.TabularInline):
    model = Person
    extra = 0
    fields = ["team", "name", "email", "role", "organisation", "languages", "language"]
    raw_id_fields = ["organisation", "user"]


@admin.register(Visit)
class VisitAdmin(admin.ModelAdmin):
    list_display = ["title_en", "state", "starts_on", "ends_on", "host_side"]
    list_filter = ["state", "host_side"]
    search_fields = ["title_en", "title_ru", "title_kk"]
    readonly_fields = ["state"]
    inlines = [PersonInline]


@admin.register(Venue)
class VenueAdmin(admin.ModelAdmin):
    list_display = ["name", "time_zone", "contact"]
    search_fields = ["name", "address"]


@admin.register(TravelTime)
class TravelTimeAdmin(admin.ModelAdmin):
    list_display = ["first", "second", "minutes"]


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["title_en", "visit", "kind", "starts_at", "venue", "status"]
    list_filter = ["kind", "status"]
    readonly_fields = ["status", "sequence"]
    filter_horizontal = ["hosts", "delegates"]
    raw_id_fields = ["sectors"]


@admin.register(Attendee)
class AttendeeAdmin(admin.ModelAdmin):
    list_display = ["person", "session", "state", "attended"]
    list_filter = ["state"]
    readonly_fields = ["state"]
