"""Which version of the demo content this database holds."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DemoLoad(models.Model):
    """One version of the demo content, loaded into this database.

    The version is a fingerprint of the planned content, so editing the demo's building blocks
    gives a new version; `load_demo` refuses to mix two versions in one programme.
    """

    version = models.CharField(_("version"), max_length=64, unique=True)
    loaded_at = models.DateTimeField(_("loaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("demo load")
        verbose_name_plural = _("demo loads")

    def __str__(self) -> str:
        return f"{self.version} ({self.loaded_at:%Y-%m-%d %H:%M})"
