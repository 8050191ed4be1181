from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    name = "twinning.visits"
    label = "visits"
    verbose_name = _("Delegation visits")

    def ready(self) -> None:
        from twinning.core import registry
        from twinning.visits import selectors

        registry.register_panel(
            page="dashboard", name="visits", order=40,
            template="visits/panels/dashboard.html", context=selectors.dashboard_panel,
        )  # fmt: skip
