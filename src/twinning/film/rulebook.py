"""Incentive rules as dated, sourced data, and their loading from the JSON data files.

Every figure keeps its source, the date it was checked, its validity and whether it is
confirmed, so an estimate can say where each number comes from and how far to trust it.
Nothing here depends on Django: the same structures are filled from the database later.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from twinning.film.data import read_data_file
from twinning.film.messages import NOTICE_CODES, Param
from twinning.film.production import Format, Place
from twinning.film.reader import Reader

PROVENANCE_FIELDS = ("source", "checked_on", "valid_from", "valid_to", "unconfirmed", "note")


class BaseKind(StrEnum):
    LOCAL_SPEND = "local-spend"  # every qualifying line spent in the place
    LOCAL_CORE_CAPPED = "local-core-capped"  # lower of a share of total core and local core


class MinimumKind(StrEnum):
    AMOUNT = "amount"
    MCI_MULTIPLE = "mci-multiple"


class ConditionCode(StrEnum):
    FOREIGN_LEGAL_ENTITY = "foreign-legal-entity"
    UK_CERTIFIED = "uk-certified"
    UK_WRITER_OR_DIRECTOR = "uk-writer-or-director"
    MIN_LOCAL_CORE_SHARE = "min-local-core-share"
    MIN_CORE_PER_HOUR = "min-core-per-hour"
    MAX_TOTAL_CORE = "max-total-core"


VALUED_CONDITIONS = frozenset(
    {
        ConditionCode.MIN_LOCAL_CORE_SHARE,
        ConditionCode.MIN_CORE_PER_HOUR,
        ConditionCode.MAX_TOTAL_CORE,
    }
)


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    url: str | None


@dataclass(frozen=True)
class Provenance:
    source: str  # key into RuleBook.sources
    checked_on: date
    valid_from: date
    valid_to: date | None
    unconfirmed: bool
    note: str = ""

    def covers(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True)
class Figure:
    value: Decimal
    provenance: Provenance


@dataclass(frozen=True)
class FormatRate:
    formats: frozenset[Format]
    value: Decimal
    provenance: Provenance


@dataclass(frozen=True)
class Base:
    kind: BaseKind
    spent_in: Place
    resident_only: bool
    core_only: bool
    core_share_limit: Decimal | None  # only for LOCAL_CORE_CAPPED
    provenance: Provenance


@dataclass(frozen=True)
class MinimumSpend:
    kind: MinimumKind
    value: Decimal  # an amount in the scheme's currency, or a number of MCI
    provenance: Provenance


@dataclass(frozen=True)
class Condition:
    code: ConditionCode
    value: Decimal | None
    formats: frozenset[Format] | None  # None: applies to every format
    provenance: Provenance

    def applies_to(self, production_format: Format) -> bool:
        return self.formats is None or production_format in self.formats


@dataclass(frozen=True)
class Notice:
    """Something always worth saying beside the scheme's estimate."""

    code: str
    params: Mapping[str, Param]
    provenance: Provenance


@dataclass(frozen=True)
class Rule:
    """One version of a scheme, in force from ``provenance.valid_from``."""

    scheme: str
    name: str
    jurisdiction: str
    currency: str
    provenance: Provenance
    base: Base
    rates: tuple[FormatRate, ...]
    minimum_spend: MinimumSpend | None
    caps: tuple[Figure, ...]
    conditions: tuple[Condition, ...]
    notices: tuple[Notice, ...]

    def rate_for(self, production_format: Format) -> FormatRate | None:
        return next((rate for rate in self.rates if production_format in rate.formats), None)


@dataclass(frozen=True)
class MciEntry:
    year: int
    value: Decimal
    provenance: Provenance


@dataclass(frozen=True)
class RuleBook:
    rules: tuple[Rule, ...]
    mci: tuple[MciEntry, ...]
    sources: Mapping[str, Source]

    def schemes(self) -> list[str]:
        """Scheme codes in the order they first appear."""
        return list(dict.fromkeys(rule.scheme for rule in self.rules))

    def versions(self, scheme: str) -> list[Rule]:
        return sorted(
            (rule for rule in self.rules if rule.scheme == scheme),
            key=lambda rule: rule.provenance.valid_from,
        )


def rulebook_from_data(rules_data: Any, mci_data: Any) -> RuleBook:
    """Build a RuleBook from the parsed data files; raise FieldErrors naming every bad field."""
    reader = Reader()
    top = reader.obj(rules_data, "", {"format_version", "about", "sources", "rules"})
    sources = _read_sources(reader, top.get("sources"))
    rules = tuple(
        _read_rule(reader, item, f"rules[{index}]")
        for index, item in enumerate(reader.items(top, "rules", ""))
    )
    mci_top = reader.obj(mci_data, "mci", {"format_version", "about", "mci"})
    mci = tuple(
        _read_mci(reader, item, f"mci[{index}]")
        for index, item in enumerate(reader.items(mci_top, "mci", ""))
    )
    _check_source_keys(reader, rules, mci, sources)
    if not mci and any(_uses_mci(rule) for rule in rules):
        reader.fail("mci", "must list at least one year: a rule states its minimum spend in MCI")
    reader.check()
    return RuleBook(rules=rules, mci=mci, sources=sources)


def load_bundled_rulebook() -> RuleBook:
    """The rules shipped in ``film/data`` (the database takes over once the app has models)."""
    return rulebook_from_data(read_data_file("incentive_rules.json"), read_data_file("mci.json"))


def _read_sources(reader: Reader, data: Any) -> dict[str, Source]:
    if not isinstance(data, Mapping):
        reader.fail("sources", "must be an object of source key to source")
        return {}
    sources = {}
    for key, item in data.items():
        path = f"sources.{key}"
        fields = reader.obj(item, path, {"title", "url"})
        url = reader.text(fields, "url", path, required=False) or None
        sources[key] = Source(key=key, title=reader.text(fields, "title", path), url=url)
    return sources


def _read_provenance(reader: Reader, data: Mapping[str, Any], path: str) -> Provenance:
    return Provenance(
        source=reader.text(data, "source", path),
        checked_on=reader.day(data, "checked_on", path) or date.min,
        valid_from=reader.day(data, "valid_from", path) or date.min,
        valid_to=reader.day(data, "valid_to", path, required=False),
        unconfirmed=reader.boolean(data, "unconfirmed", path),
        note=reader.text(data, "note", path, required=False),
    )


def _read_rule(reader: Reader, item: Any, path: str) -> Rule:
    fields = reader.obj(item, path, {
        "scheme", "name", "jurisdiction", "currency", "base", "rates", "minimum_spend", "caps",
        "conditions", "notices", *PROVENANCE_FIELDS,
    })  # fmt: skip
    minimum = fields.get("minimum_spend")
    return Rule(
        scheme=reader.text(fields, "scheme", path),
        name=reader.text(fields, "name", path),
        jurisdiction=reader.text(fields, "jurisdiction", path),
        currency=reader.currency(fields, "currency", path),
        provenance=_read_provenance(reader, fields, path),
        base=_read_base(reader, fields.get("base"), f"{path}.base"),
        rates=tuple(
            _read_rate(reader, rate, f"{path}.rates[{index}]")
            for index, rate in enumerate(reader.items(fields, "rates", path))
        ),
        minimum_spend=None
        if minimum is None
        else _read_minimum(reader, minimum, f"{path}.minimum_spend"),
        caps=tuple(
            _read_figure(reader, cap, f"{path}.caps[{index}]")
            for index, cap in enumerate(reader.items(fields, "caps", path))
        ),
        conditions=tuple(
            _read_condition(reader, condition, f"{path}.conditions[{index}]")
            for index, condition in enumerate(reader.items(fields, "conditions", path))
        ),
        notices=tuple(
            _read_notice(reader, notice, f"{path}.notices[{index}]")
            for index, notice in enumerate(reader.items(fields, "notices", path))
        ),
    )


def _read_base(reader: Reader, item: Any, path: str) -> Base:
    fields = reader.obj(item, path, {
        "kind", "spent_in", "resident_only", "core_only", "core_share_limit", *PROVENANCE_FIELDS,
    })  # fmt: skip
    kind = reader.choice(fields, "kind", path, BaseKind) or BaseKind.LOCAL_SPEND
    share = reader.decimal(
        fields, "core_share_limit", path, required=kind is BaseKind.LOCAL_CORE_CAPPED
    )
    return Base(
        kind=kind,
        spent_in=reader.choice(fields, "spent_in", path, Place) or Place.OTHER,
        resident_only=reader.boolean(fields, "resident_only", path),
        core_only=reader.boolean(fields, "core_only", path),
        core_share_limit=share,
        provenance=_read_provenance(reader, fields, path),
    )


def _read_formats(reader: Reader, fields: Mapping[str, Any], path: str) -> frozenset[Format]:
    formats = set()
    for index, name in enumerate(reader.items(fields, "formats", path)):
        member = reader.choice({"format": name}, "format", f"{path}.formats[{index}]", Format)
        if member is not None:
            formats.add(member)
    return frozenset(formats)


def _read_rate(reader: Reader, item: Any, path: str) -> FormatRate:
    fields = reader.obj(item, path, {"formats", "value", *PROVENANCE_FIELDS})
    return FormatRate(
        formats=_read_formats(reader, fields, path),
        value=reader.amount(fields, "value", path),
        provenance=_read_provenance(reader, fields, path),
    )


def _read_figure(reader: Reader, item: Any, path: str) -> Figure:
    fields = reader.obj(item, path, {"value", *PROVENANCE_FIELDS})
    return Figure(reader.amount(fields, "value", path), _read_provenance(reader, fields, path))


def _read_minimum(reader: Reader, item: Any, path: str) -> MinimumSpend:
    fields = reader.obj(item, path, {"kind", "value", *PROVENANCE_FIELDS})
    return MinimumSpend(
        kind=reader.choice(fields, "kind", path, MinimumKind) or MinimumKind.AMOUNT,
        value=reader.amount(fields, "value", path),
        provenance=_read_provenance(reader, fields, path),
    )


def _read_condition(reader: Reader, item: Any, path: str) -> Condition:
    fields = reader.obj(item, path, {"code", "value", "formats", *PROVENANCE_FIELDS})
    code = reader.choice(fields, "code", path, ConditionCode) or ConditionCode.UK_CERTIFIED
    needs_value = code in VALUED_CONDITIONS
    return Condition(
        code=code,
        value=reader.decimal(fields, "value", path, required=needs_value),
        formats=_read_formats(reader, fields, path) if "formats" in fields else None,
        provenance=_read_provenance(reader, fields, path),
    )


def _read_notice(reader: Reader, item: Any, path: str) -> Notice:
    fields = reader.obj(item, path, {"code", "params", *PROVENANCE_FIELDS})
    code = reader.text(fields, "code", path)
    if code and code not in NOTICE_CODES:
        reader.fail(
            f"{path}.code", f"must be one of {', '.join(sorted(NOTICE_CODES))}, not {code!r}"
        )
    params = fields.get("params") or {}
    if not isinstance(params, Mapping) or not all(isinstance(v, str) for v in params.values()):
        reader.fail(f"{path}.params", "must be an object whose values are strings")
        params = {}
    return Notice(
        code=code,
        params={key: _notice_param(value) for key, value in params.items()},
        provenance=_read_provenance(reader, fields, path),
    )


def _notice_param(value: str) -> Param:
    """Notice parameters are written as strings; read dates and numbers back as such."""
    for parse in (date.fromisoformat, Decimal):
        try:
            return parse(value)  # type: ignore[operator]
        except (ValueError, ArithmeticError):
            continue
    return value


def _read_mci(reader: Reader, item: Any, path: str) -> MciEntry:
    fields = reader.obj(item, path, {"year", "value", *PROVENANCE_FIELDS})
    year = fields.get("year")
    if not isinstance(year, int) or isinstance(year, bool):
        reader.fail(f"{path}.year", "must be a whole year such as 2025")
        year = 0
    return MciEntry(
        year, reader.amount(fields, "value", path), _read_provenance(reader, fields, path)
    )


def _uses_mci(rule: Rule) -> bool:
    return rule.minimum_spend is not None and rule.minimum_spend.kind is MinimumKind.MCI_MULTIPLE


def _check_source_keys(
    reader: Reader,
    rules: tuple[Rule, ...],
    mci: tuple[MciEntry, ...],
    sources: Mapping[str, Source],
) -> None:
    for index, rule in enumerate(rules):
        for provenance in _provenances(rule):
            if provenance.source and provenance.source not in sources:
                reader.fail(f"rules[{index}]", f"names unknown source {provenance.source!r}")
    for index, entry in enumerate(mci):
        if entry.provenance.source and entry.provenance.source not in sources:
            reader.fail(f"mci[{index}].source", f"names unknown source {entry.provenance.source!r}")


def _provenances(rule: Rule) -> list[Provenance]:
    figures: list[Any] = [rule.base, *rule.rates, *rule.caps, *rule.conditions, *rule.notices]
    if rule.minimum_spend is not None:
        figures.append(rule.minimum_spend)
    return [rule.provenance, *(figure.provenance for figure in figures)]
