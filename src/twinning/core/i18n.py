"""Content kept in the three interface languages as `<field>_en`, `<field>_ru`, `<field>_kk`."""

from typing import Any

from django.utils import translation

CONTENT_LANGUAGES = ("en", "ru", "kk")


def current_language() -> str:
    language = (translation.get_language() or "en").split("-")[0]
    return language if language in CONTENT_LANGUAGES else "en"


def localized(obj: Any, field: str, language: str | None = None) -> str:
    """The field in the given (or active) language, falling back to English, then any."""
    language = language or current_language()
    for code in (language, "en", *CONTENT_LANGUAGES):
        value = getattr(obj, f"{field}_{code}", "")
        if value:
            return str(value)
    return ""


class LocalizedNameMixin:
    """Gives models with name_en/name_ru/name_kk a `name` in the active language."""

    @property
    def name(self) -> str:
        return localized(self, "name")
