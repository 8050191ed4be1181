"""Kazakh: 25 шілде 2026, 14:30 +05 (the month lower case, as mid-sentence).

Django ships no Kazakh formats and capitalises its Kazakh month names; the lower-case "alt. month"
names come from the project catalogue (see `twinning.core.i18n.DJANGO_MESSAGES`).
"""

DATE_FORMAT = "j E Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j E Y, H:i T"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j E"
SHORT_DATE_FORMAT = DATE_FORMAT
SHORT_DATETIME_FORMAT = DATETIME_FORMAT
FIRST_DAY_OF_WEEK = 1
