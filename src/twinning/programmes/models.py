"""Programmes join two sides; sides have regions; sectors are NACE Rev. 2."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from twinning.core.i18n import LocalizedNameMixin, current_language, localized

# Said after a sector title shown in another language than the page's (no title in the page's).
FALLBACK_MARKERS = {
    "en": pgettext_lazy("title shown", "in English"),
    "ru": pgettext_lazy("title shown", "in Russian"),
}


class Side(LocalizedNameMixin, models.Model):
    code = models.CharField(_("code"), max_length=8, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=100)
    name_ru = models.CharField(_("name (Russian)"), max_length=100, blank=True)
    name_kk = models.CharField(_("name (Kazakh)"), max_length=100, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64)

    class Meta:
        verbose_name = _("side")
        verbose_name_plural = _("sides")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Region(LocalizedNameMixin, models.Model):
    side = models.ForeignKey(Side, on_delete=models.PROTECT, related_name="regions")
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=40)
    name_en = models.CharField(_("name (English)"), max_length=100)
    name_ru = models.CharField(_("name (Russian)"), max_length=100, blank=True)
    name_kk = models.CharField(_("name (Kazakh)"), max_length=100, blank=True)
    centre = models.CharField(_("centre"), max_length=100, blank=True)
    group = models.CharField(_("group"), max_length=100, blank=True)
    gss_code = models.CharField(_("GSS code"), max_length=12, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["side__code", "name_en"]

    def __str__(self) -> str:
        return self.name


class Sector(models.Model):
    """One NACE Rev. 2 item: section (A), division (01), group (01.1) or class (01.11)."""

    class Level(models.IntegerChoices):
        SECTION = 1, _("Section")
        DIVISION = 2, _("Division")
        GROUP = 3, _("Group")
        CLASS = 4, _("Class")

    code = models.CharField(_("code"), max_length=8, unique=True)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)
    section = models.CharField(_("section"), max_length=1)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    title_en = models.CharField(_("title (English)"), max_length=300)
    title_ru = models.CharField(_("title (Russian)"), max_length=300, blank=True)
    title_kk = models.CharField(_("title (Kazakh)"), max_length=300, blank=True)
    search_text = models.TextField(editable=False, blank=True)

    class Meta:
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        ordering = ["section", "code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=4),
                name="sector_level",
                violation_error_message=_("A NACE level is 1 (section) to 4 (class)."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def title(self) -> str:
        """In the reader's language. Kazakh titles exist for the sections and divisions; a
        Kazakh reader of a group or class gets OKED's official Russian title, not the English."""
        if current_language() == "kk" and not self.title_kk:
            return self.title_ru or self.title_en
        return localized(self, "title")

    @property
    def title_language(self) -> str:
        """The language `title` is written in: the reader's, or the one it falls back to."""
        language = current_language()
        if getattr(self, f"title_{language}", ""):
            return language
        return "ru" if language == "kk" and self.title_ru else "en"

    @property
    def title_falls_back(self) -> bool:
        return self.title_language != current_language()

    @property
    def marked_title(self) -> str:
        """`title`, said to be in another language when it is, for text without markup (reasons,
        choices, tooltips): "Переработка и консервирование мяса (орысша)"."""
        if not self.title_falls_back:
            return self.title
        return f"{self.title} ({FALLBACK_MARKERS[self.title_language]})"


class Programme(LocalizedNameMixin, models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_ru = models.CharField(_("name (Russian)"), max_length=200, blank=True)
    name_kk = models.CharField(_("name (Kazakh)"), max_length=200, blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_ru = models.TextField(_("description (Russian)"), blank=True)
    description_kk = models.TextField(_("description (Kazakh)"), blank=True)
    side_a = models.ForeignKey(Side, on_delete=models.PROTECT, related_name="+")
    side_b = models.ForeignKey(Side, on_delete=models.PROTECT, related_name="+")
    sector_focus = models.ManyToManyField(
        Sector,
        blank=True,
        verbose_name=_("sector focus"),
        help_text=_("Leave empty to match partners in every sector."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    interest_daily_limit = models.PositiveSmallIntegerField(
        _("expressions of interest per organisation per day"), default=10
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["name_en"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(side_a=models.F("side_b")),
                name="programme_two_sides",
                violation_error_message=_("A programme joins two different sides."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def description(self) -> str:
        return localized(self, "description")

    def sides(self) -> tuple[Side, Side]:
        return (self.side_a, self.side_b)
