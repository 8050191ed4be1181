"""Back office: local-content methods are kept here; the rest is read-only (pages change it)."""

from django.contrib import admin

from twinning.outcomes.models import Evidence, FollowUp, ImportRun, LocalContentMethod, Outcome


@admin.register(LocalContentMethod)
class LocalContentMethodAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "version", "created_at")
    search_fields = ("name", "code")


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(Outcome)
class OutcomeAdmin(ReadOnlyAdmin):
    list_display = ("title", "reporter", "partner", "stage", "confirmation", "verified_at")
    list_filter = ("stage", "confirmation", "kind")
    search_fields = ("title", "reporter__legal_name", "partner__legal_name")


@admin.register(FollowUp)
class FollowUpAdmin(ReadOnlyAdmin):
    list_display = ("meeting", "registration", "months", "answer", "answered_at")
    list_filter = ("months", "answer")


@admin.register(ImportRun)
class ImportRunAdmin(ReadOnlyAdmin):
    list_display = ("kind", "file_name", "state", "created_at")


@admin.register(Evidence)
class EvidenceAdmin(ReadOnlyAdmin):
    list_display = ("name", "outcome", "uploaded_at")
    # No link to the file: it is opened from the outcome's page, after the rule is checked.
    exclude = ("file",)
