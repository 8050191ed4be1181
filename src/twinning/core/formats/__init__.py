"""The one date and time format of each language (settings.FORMAT_MODULE_PATH points here).

Templates name these formats (`|date:"DATE_FORMAT"`, `|date:"DATETIME_FORMAT"`,
`|time:"TIME_FORMAT"`, `|date:"YEAR_MONTH_FORMAT"` for a month on its own) and never spell a format
out; tests/core/test_formats.py fails on a literal one. Russian and Kazakh write the day and the
month in the genitive, lower case, as mid-sentence ("25 июля 2026", "25 шілде 2026"): the `E`
format, whose Kazakh month names the project catalogue supplies (Django's are capitalised).
Input formats are Django's own for each language.
"""
