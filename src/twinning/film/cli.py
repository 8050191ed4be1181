"""The command-line estimate: JSON document in, JSON document out (``film_estimate`` wraps it)."""

from __future__ import annotations

from datetime import date
from typing import Any

from twinning.film.estimator import estimate
from twinning.film.rates import MissingRate, RateTable, load_bundled_rates
from twinning.film.reader import FieldError, FieldErrors
from twinning.film.report import estimate_document
from twinning.film.request import parse_request
from twinning.film.rulebook import RuleBook, load_bundled_rulebook


def run(
    data: Any,
    on: date,
    *,
    rulebook: RuleBook | None = None,
    rates: RateTable | None = None,
) -> dict[str, Any]:
    """Estimate the document ``data`` (see docs/film.md) as of ``on``.

    ``rulebook`` and ``rates`` default to the data files shipped with the app; exchange rates
    given in the document replace ``rates``. Raises FieldErrors for any input mistake,
    including a currency the rate table cannot convert.
    """
    request = parse_request(data)
    table = request.rates or rates or load_bundled_rates()
    try:
        result = estimate(
            request.production, request.lines, rulebook or load_bundled_rulebook(), table, on
        )
    except MissingRate as missing:
        raise FieldErrors([FieldError("exchange_rates", str(missing))]) from missing
    return estimate_document(result)
