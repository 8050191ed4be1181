from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FilmConfig(AppConfig):
    name = "twinning.film"
    label = "film"
    verbose_name = _("Film incentives")

    def ready(self) -> None:
        from twinning.core import registry
        from twinning.film import privacy

        registry.register_export(
            name="film", data=privacy.personal_data, files=privacy.personal_files
        )
        registry.register_retention(
            name="film.rejected_applications", label=_("Rejected film applications"),
            run=privacy.rejected_applications_due,
        )  # fmt: skip
