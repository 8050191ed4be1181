from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "twinning.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from twinning.core import registry
        from twinning.events import selectors

        registry.register_panel(
            page="dashboard", name="events", order=30,
            template="events/panels/dashboard.html", context=selectors.dashboard_panel,
        )  # fmt: skip
