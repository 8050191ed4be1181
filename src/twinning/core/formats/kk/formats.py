"""Kazakh: 25 шілде 2026, 14:30 +05 (the month lower case, as mid-sentence).

The same patterns as Russian. Django ships no Kazakh formats and capitalises its Kazakh month
names; the lower-case "alt. month" names come from the project catalogue (see
`twinning.core.i18n.DJANGO_MESSAGES`).
"""

from twinning.core.formats.ru.formats import (
    DATE_FORMAT,
    DATETIME_FORMAT,
    FIRST_DAY_OF_WEEK,
    MONTH_DAY_FORMAT,
    SHORT_DATE_FORMAT,
    SHORT_DATETIME_FORMAT,
    TIME_FORMAT,
    YEAR_MONTH_FORMAT,
)

__all__ = [
    "DATETIME_FORMAT",
    "DATE_FORMAT",
    "FIRST_DAY_OF_WEEK",
    "MONTH_DAY_FORMAT",
    "SHORT_DATETIME_FORMAT",
    "SHORT_DATE_FORMAT",
    "TIME_FORMAT",
    "YEAR_MONTH_FORMAT",
]
