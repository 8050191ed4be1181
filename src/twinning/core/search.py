"""Word search in the three interface languages, on PostgreSQL and on SQLite.

A query matches whole words, never the inside of one: the Kazakh "ет" (meat) finds "ет" and "еті",
not "ищет". Case and ё/е do not matter.

On PostgreSQL each word is looked up as full-text lexemes of the `russian` and `english`
configurations (stemmed: "конина" finds "конины", "meats" finds "meat") or of `simple`, as a
prefix (Kazakh, which PostgreSQL has no stemmer for, adds its endings to the word: "ет" finds
"еті"). Results are ranked by `ts_rank`, the title counting more than the rest.

On SQLite a word is stemmed in Python with the same Snowball algorithms PostgreSQL uses (Russian
or English by its letters; a word with Kazakh letters is left whole) and matched at the start of a
word in the text. The rank counts the words found in the title.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

import snowballstemmer
from django.db import connection
from django.db.models import (
    BigIntegerField,
    Case,
    F,
    FloatField,
    Func,
    IntegerField,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Lower, Replace

KAZAKH_LETTERS = frozenset("әғқңөұүһі")
MIN_STEM = 3  # shorter stems match too much ("ко" from "кони"); short words are kept whole
PG_CONFIGS = ("russian", "english")


def normalise(text: str) -> str:
    """Lower case, composed, with ё written е, as the stored texts are compared."""
    return unicodedata.normalize("NFC", text).lower().replace("ё", "е")


def words(query: str) -> list[str]:
    return list(dict.fromkeys(re.findall(r"\w+", normalise(query))))


@cache
def _stemmer(language: str) -> Any:
    return snowballstemmer.stemmer(language)


def stem(word: str) -> str:
    """The word's stem by the Snowball algorithm of its script, never shorter than MIN_STEM."""
    if KAZAKH_LETTERS & set(word) or not word.isalpha():
        return word
    language = "russian" if re.search(r"[а-я]", word) else "english"
    stemmed = _stemmer(language).stemWord(word)
    return stemmed if len(stemmed) >= MIN_STEM and word.startswith(stemmed) else word


def _normalised(field: str) -> Any:
    return Replace(Lower(field), Value("ё"), Value("е"), output_field=TextField())


def text_search(
    queryset: QuerySet[Any], *, query: str, title: str, text: str, stored: str = ""
) -> QuerySet[Any]:
    """The rows whose `text` field (which holds the title too) has every word of the query,
    annotated with `search_rank` (higher is better). An empty query leaves the rows alone.

    `stored` names a PostgreSQL column of the queryset's table that holds `pg_vector(title, text)`
    (generated and GIN-indexed, as the opportunities' `search_vector`): the search then reads the
    index instead of computing every row's vector."""
    found = words(query)
    if not found:
        return queryset
    if connection.vendor == "postgresql":
        return _postgresql(queryset, found, title=title, text=text, stored=stored)
    return _sqlite(queryset, found, title=title, text=text)


def pg_vector(title: str, text: str) -> Any:
    """The weighted tsvector of the title (A) and the text (B) in the three configurations; a
    stored column must hold exactly this expression."""
    from django.contrib.postgres.search import SearchVector

    vector = None
    for config in (*PG_CONFIGS, "simple"):
        part = SearchVector(_normalised(title), config=config, weight="A") + SearchVector(
            _normalised(text), config=config, weight="B"
        )
        vector = part if vector is None else vector + part
    return vector


def _postgresql(
    queryset: QuerySet[Any], found: list[str], *, title: str, text: str, stored: str
) -> QuerySet[Any]:
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField

    if stored:
        table = connection.ops.quote_name(queryset.model._meta.db_table)
        column = f"{table}.{connection.ops.quote_name(stored)}"
        vector = RawSQL(column, [], output_field=SearchVectorField())  # noqa: S611 - names only
    else:
        vector = pg_vector(title, text)
    search = None
    for word in found:
        either = SearchQuery(f"{word}:*", search_type="raw", config="simple")
        for config in PG_CONFIGS:
            either |= SearchQuery(word, search_type="plain", config=config)
        search = either if search is None else search & either
    assert search is not None  # noqa: S101 - found has a word
    # ts_rank scores a row that has only some of the words too: match with @@ first.
    return queryset.annotate(search_vector=vector, search_rank=SearchRank(vector, search)).filter(
        search_vector=search
    )


def _word_start(word: str) -> str:
    # Python's re runs SQLite's REGEXP: (?i) folds Cyrillic case, which SQLite's LOWER() does not.
    return r"(?<!\w)" + re.escape(stem(word)).replace("е", "[её]")


def _sqlite(queryset: QuerySet[Any], found: list[str], *, title: str, text: str) -> QuerySet[Any]:
    for word in found:
        queryset = queryset.filter(**{f"{text}__iregex": _word_start(word)})
    in_title = [
        Case(When(**{f"{title}__iregex": _word_start(word)}, then=1), default=0) for word in found
    ]
    rank = sum(in_title[1:], in_title[0]) + Value(1)
    return queryset.annotate(search_rank=Cast(rank, FloatField()))


def in_order(
    queryset: QuerySet[Any], ids: list[int], *, name: str = "search_order"
) -> QuerySet[Any]:
    """The rows of `ids`, annotated `name` with their place in it (order by it).

    On PostgreSQL the ids travel as one array (`= ANY`, `array_position`): as a list of 220
    placeholders and a CASE of 220 branches, building and sending the query cost more than the
    search itself. SQLite gets the portable IN and CASE."""
    if connection.vendor == "postgresql":
        from django.contrib.postgres.fields import ArrayField

        array = Value(list(ids), output_field=ArrayField(BigIntegerField()))
        among = RawSQL("SELECT unnest(%s::bigint[])", (list(ids),))
        return queryset.filter(pk__in=among).annotate(
            **{name: Func(array, F("pk"), function="array_position", output_field=IntegerField())}
        )
    place = Case(*(When(pk=pk, then=i) for i, pk in enumerate(ids)), default=0)
    return queryset.filter(pk__in=ids).annotate(**{name: place})
