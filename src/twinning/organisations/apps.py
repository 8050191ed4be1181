from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "twinning.organisations"
    label = "organisations"
    verbose_name = _("Organisations and opportunities")

    def ready(self) -> None:
        from twinning.core import registry
        from twinning.organisations import privacy, selectors

        registry.register_panel(
            page="home", name="organisations", order=20,
            template="organisations/panels/home_figures.html",
            context=selectors.home_figures_panel,
        )  # fmt: skip
        registry.register_panel(
            page="dashboard", name="organisations", order=10,
            template="organisations/panels/dashboard.html",
            context=selectors.dashboard_panel,
        )  # fmt: skip
        registry.register_deletion_check(
            name="organisations", check=selectors.account_deletion_refusals
        )
        registry.register_export(name="organisations", data=privacy.personal_data)
        registry.register_warmup(name="directory search", run=selectors.directory_warm)
