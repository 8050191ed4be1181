from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntroductionsConfig(AppConfig):
    name = "twinning.introductions"
    label = "introductions"
    verbose_name = _("Introductions")

    def ready(self) -> None:
        from twinning.core import registry
        from twinning.introductions import privacy, selectors

        registry.register_panel(
            page="dashboard", name="introductions", order=20,
            template="introductions/panels/dashboard.html", context=selectors.dashboard_panel,
        )  # fmt: skip
        registry.register_export(name="introductions", data=privacy.personal_data)
