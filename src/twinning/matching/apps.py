from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "twinning.matching"
    label = "matching"
    verbose_name = _("Matchmaking")

    def ready(self) -> None:
        from twinning.core import registry
        from twinning.matching import privacy, selectors

        registry.register_panel(
            page="dashboard", name="matching", order=40,
            template="matching/panels/dashboard.html", context=selectors.dashboard_panel,
        )  # fmt: skip
        registry.register_export(name="matching", data=privacy.personal_data)
