from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FilmConfig(AppConfig):
    name = "twinning.film"
    label = "film"
    verbose_name = _("Film incentives")
