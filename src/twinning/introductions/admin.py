from django.contrib import admin

from twinning.introductions.models import Introduction


@admin.register(Introduction)
class IntroductionAdmin(admin.ModelAdmin):
    """Read-only: state changes go through the workflow so they are audited and notified."""

    list_display = ["requester", "recipient", "state", "brokered", "created_at", "decided_at"]
    list_filter = ["state", "brokered", "programme"]
    list_select_related = ["requester", "recipient"]
    search_fields = ["requester__legal_name", "recipient__legal_name"]

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False
