from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    name = "twinning.visits"
    label = "visits"
    verbose_name = _("Delegation visits")

    def ready(self) -> None:
        from twinning.core import registry
        from twinning.visits import privacy, selectors

        registry.register_panel(
            page="dashboard", name="visits", order=40,
            template="visits/panels/dashboard.html", context=selectors.dashboard_panel,
        )  # fmt: skip
        registry.register_export(name="visits", data=privacy.personal_data)
        registry.register_deletion_hook(name="visits", hook=privacy.people_erase)
