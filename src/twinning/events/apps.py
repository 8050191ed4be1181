from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "twinning.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from twinning.core import registry
        from twinning.events import privacy, selectors

        registry.register_panel(
            page="dashboard", name="events", order=30,
            template="events/panels/dashboard.html", context=selectors.dashboard_panel,
        )  # fmt: skip
        registry.register_export(name="events", data=privacy.personal_data)
        registry.register_deletion_hook(name="events", hook=privacy.invitations_erase)
        registry.register_retention(
            name="events.rejected_registrations", label=_("Rejected event registrations"),
            run=privacy.rejected_registrations_due,
        )  # fmt: skip
