from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutcomesConfig(AppConfig):
    name = "twinning.outcomes"
    label = "outcomes"
    verbose_name = _("Outcomes")

    def ready(self) -> None:
        from twinning.core import registry
        from twinning.outcomes import privacy, selectors

        registry.register_panel(
            page="dashboard", name="outcomes", template="outcomes/panels/dashboard.html",
            context=selectors.dashboard_panel, order=40,
        )  # fmt: skip
        registry.register_export(
            name="outcomes", data=privacy.personal_data, files=privacy.personal_files
        )
