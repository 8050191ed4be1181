"""Back office: read-mostly lists; changes of state go through the services (audited)."""

from django.contrib import admin

from twinning.students.models import Booth, Interview, JobFair, Position, Student, StudentConsent


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(Student)
class StudentAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "university", "level", "graduation_year", "created_at"]
    list_filter = ["level", "graduation_year", "university"]
    list_select_related = ["user"]
    search_fields = ["user__full_name", "user__email"]
    exclude = ["cv"]


@admin.register(StudentConsent)
class StudentConsentAdmin(ReadOnlyAdmin):
    list_display = ["student", "purpose", "fair", "given_at", "withdrawn_at"]
    list_filter = ["purpose"]
    list_select_related = ["student__user", "fair__event"]


@admin.register(Position)
class PositionAdmin(ReadOnlyAdmin):
    list_display = ["title", "organisation", "kind", "location", "state", "closes_on"]
    list_filter = ["state", "kind", "location", "language"]
    list_select_related = ["organisation"]
    search_fields = ["title"]


@admin.register(JobFair)
class JobFairAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "max_interviews", "allocated_at", "published_at"]
    list_select_related = ["event"]


@admin.register(Booth)
class BoothAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "fair", "interviewers"]
    list_select_related = ["organisation", "fair__event"]


@admin.register(Interview)
class InterviewAdmin(ReadOnlyAdmin):
    list_display = ["registration", "booth", "slot", "seat", "status", "locked"]
    list_filter = ["status", "fair"]
    list_select_related = ["registration__student__user", "booth__organisation", "slot"]
