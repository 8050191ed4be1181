"""Content kept in the three interface languages as `<field>_en`, `<field>_ru`, `<field>_kk`."""

from typing import Any

from django.utils import translation
from django.utils.translation import gettext_lazy, ngettext_lazy, pgettext_lazy

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


# Django's own messages that the project catalogue translates, because Django's Kazakh catalogue
# lacks them (the password rules) or writes them for another use (month names capitalised, where
# a date needs them lower case: "25 шілде 2026"). LOCALE_PATHS is searched before Django's own
# catalogues; naming the messages here keeps them through makemessages.
DJANGO_MESSAGES = (
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
    ),
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
    ),
    gettext_lazy("The password is too similar to the %(verbose_name)s."),
    gettext_lazy("Your password can’t be too similar to your other personal information."),
    gettext_lazy("This password is too common."),
    gettext_lazy("Your password can’t be a commonly used password."),
    gettext_lazy("This password is entirely numeric."),
    gettext_lazy("Your password can’t be entirely numeric."),
)
