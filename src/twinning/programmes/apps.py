from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "twinning.programmes"
    label = "programmes"
    verbose_name = _("Programmes, regions and sectors")

    def ready(self) -> None:
        from twinning.core import registry
        from twinning.programmes import selectors

        registry.register_panel(
            page="home", name="programme", order=10,
            template="programmes/panels/home_intro.html",
            context=selectors.home_intro_panel,
        )  # fmt: skip
