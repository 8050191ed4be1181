"""Which page each API operation stands for.

Every page of the site (every named URL outside the admin and the API) is either mirrored by at
least one API operation, which names it with `openapi_extra=pages("app:name", ...)`, or declared
page-only in its app's `urls.py` with a reason (`PAGE_ONLY = {"name": "reason"}`).
`tests/api/test_parity.py` walks both URLconfs and fails on a page that is neither.
"""

from typing import Any

PAGES_KEY = "x-pages"


def pages(*names: str) -> dict[str, Any]:
    """The `openapi_extra` of an operation that does what these pages do (`app:url-name`)."""
    return {PAGES_KEY: list(names)}
