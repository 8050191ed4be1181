from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "twinning.organisations"
    label = "organisations"
    verbose_name = _("Organisations and opportunities")
