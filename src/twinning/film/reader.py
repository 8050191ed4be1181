"""Typed reading of parsed JSON that collects every error with the path of its field.

Readers return a harmless placeholder after recording an error, so callers can read all
fields in one pass and report every mistake at once instead of stopping at the first.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

E = TypeVar("E")

CURRENCY_LENGTH = 3
MAX_INTEGER_DIGITS = 15


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


class FieldErrors(Exception):
    """One or more fields are missing or malformed."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("; ".join(str(error) for error in errors))


@dataclass
class Reader:
    errors: list[FieldError] = field(default_factory=list)

    def fail(self, path: str, message: str) -> None:
        self.errors.append(FieldError(path, message))

    def check(self) -> None:
        if self.errors:
            raise FieldErrors(list(self.errors))

    def obj(self, value: Any, path: str, allowed: Collection[str]) -> Mapping[str, Any]:
        """``value`` as an object with no keys outside ``allowed`` (typos would pass silently)."""
        if not isinstance(value, Mapping):
            self.fail(path, "must be an object")
            return {}
        for key in value:
            if key not in allowed:
                self.fail(_join(path, str(key)), "is not a known field")
        return value

    def section(
        self, value: Any, path: str, allowed: Collection[str]
    ) -> tuple[Reader, Mapping[str, Any]]:
        """Read a nested object. If it is missing or not an object, say so once and hand back a
        reader that drops errors about its fields, so one mistake is not reported six times."""
        if value is None or not isinstance(value, Mapping):
            self.fail(path, "is required" if value is None else "must be an object")
            return Reader(), {}
        return self, self.obj(value, path, allowed)

    def items(self, data: Mapping[str, Any], key: str, path: str) -> list[Any]:
        value = self._get(data, key, path, required=True)
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(_join(path, key), "must be a list")
            return []
        return value

    def text(self, data: Mapping[str, Any], key: str, path: str, *, required: bool = True) -> str:
        value = self._get(data, key, path, required=required)
        if value is None:
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            self.fail(_join(path, key), "must be a non-empty string")
            return ""
        return value

    def currency(self, data: Mapping[str, Any], key: str, path: str) -> str:
        value = self.text(data, key, path)
        if value and not (len(value) == CURRENCY_LENGTH and value.isalpha() and value.isupper()):
            self.fail(
                _join(path, key),
                f"must be a three-letter ISO 4217 code such as GBP, not {_shown(value)}",
            )
        return value

    def boolean(
        self, data: Mapping[str, Any], key: str, path: str, *, default: bool | None = None
    ) -> bool:
        value = self._get(data, key, path, required=default is None)
        if value is None:
            return bool(default)
        if not isinstance(value, bool):
            self.fail(_join(path, key), "must be true or false")
            return False
        return value

    def decimal(
        self,
        data: Mapping[str, Any],
        key: str,
        path: str,
        *,
        required: bool = True,
        positive: bool = False,
    ) -> Decimal | None:
        value = self._get(data, key, path, required=required)
        if value is None:
            return None
        number = _as_decimal(value)
        where = _join(path, key)
        if number is None:
            self.fail(where, f"must be a number (or a string holding one), not {_shown(value)}")
        elif number < 0 or (positive and number == 0):
            self.fail(where, "must be greater than zero" if positive else "must not be negative")
        elif number.adjusted() >= MAX_INTEGER_DIGITS:
            # Far beyond any budget, and would overflow the decimal context when rounded.
            self.fail(where, f"must have at most {MAX_INTEGER_DIGITS} digits before the point")
        return number

    def amount(
        self, data: Mapping[str, Any], key: str, path: str, *, positive: bool = False
    ) -> Decimal:
        return self.decimal(data, key, path, positive=positive) or Decimal(0)

    def day(
        self, data: Mapping[str, Any], key: str, path: str, *, required: bool = True
    ) -> date | None:
        value = self._get(data, key, path, required=required)
        if value is None:
            return None
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(value) if isinstance(value, str) else _bad_date()
        except ValueError:
            self.fail(_join(path, key), f"must be a date written YYYY-MM-DD, not {_shown(value)}")
            return None

    def choice(self, data: Mapping[str, Any], key: str, path: str, choices: type[E]) -> E | None:
        """A member of the string enum ``choices``."""
        value = self._get(data, key, path, required=True)
        if value is None:
            return None
        try:
            return choices(value)  # type: ignore[call-arg]
        except ValueError:
            names = ", ".join(str(member) for member in choices)  # type: ignore[attr-defined]
            self.fail(_join(path, key), f"must be one of {names}, not {_shown(value)}")
            return None

    def _get(self, data: Mapping[str, Any], key: str, path: str, *, required: bool) -> Any:
        value = data.get(key)
        if value is None and required:
            self.fail(_join(path, key), "is required")
        return value


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _shown(value: Any) -> str:
    """The value as the user wrote it in JSON (true, not Python's True)."""
    return json.dumps(value, default=str)


def _bad_date() -> date:
    raise ValueError


def _as_decimal(value: Any) -> Decimal | None:
    # bool is an int subclass: true must not read as an amount of 1.
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        return None
    try:
        # str() of a float is its shortest round-trip form, so 1234.56 stays 1234.56.
        number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None
