import datetime as dt
from decimal import Decimal
from html.parser import HTMLParser

import pytest

from tests.events.factories import EventFactory, accepted_meeting, participant
from tests.factories import OrganisationFactory, region
from twinning.film.models import ExchangeRate
from twinning.outcomes.models import LocalContentMethod


class _Forms(HTMLParser):
    """Every form of a page: its action and the values a browser would send by default."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[tuple[str, dict[str, list[str]]]] = []
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        a = dict(attrs)
        if tag == "form":
            self.forms.append((a.get("action") or "", {}))
            return
        if not self.forms:
            return
        fields = self.forms[-1][1]
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                fields.setdefault(name, [])
            elif kind not in ("submit", "file"):
                fields.setdefault(name, []).append(a.get("value") or "")
        elif tag == "select" and name:
            self._select = name
            fields.setdefault(name, [])
        elif tag == "option" and self._select:
            # A browser sends the selected option, or the first one when none is selected.
            if "selected" in a or not fields[self._select]:
                fields[self._select] = [a.get("value") or ""]
        elif tag == "textarea" and name:
            self._textarea = name
            fields[name] = [""]

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if self._textarea and self.forms:
            self.forms[-1][1][self._textarea][0] += data

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        if tag == "select":
            self._select = None
        if tag == "textarea":
            self._textarea = None


def form_fields(html: str, action: str = "") -> dict[str, list[str]]:
    """The fields of the page's form posting to `action` ("" = the first form with a CSRF token)."""
    parser = _Forms()
    parser.feed(html)
    for form_action, fields in parser.forms:
        if (action and form_action == action) or (not action and "csrfmiddlewaretoken" in fields):
            return {k: v for k, v in fields.items() if k != "csrfmiddlewaretoken"}
    raise AssertionError(f"no form posting to {action!r}")


@pytest.fixture(autouse=True)
def _rates(db):  # type: ignore[no-untyped-def]
    """A later rate beside the bundled 2025-01-02 ones, so tests can tell the dates apart."""
    ExchangeRate.objects.create(
        date=dt.date(2025, 6, 2), base="GBP", quote="KZT", rate=Decimal(700)
    )


@pytest.fixture
def event(db, programme):  # type: ignore[no-untyped-def]
    return EventFactory(programme=programme)


@pytest.fixture
def leeds(event):  # type: ignore[no-untyped-def]
    return participant(event, name="Lucy Leeds")


@pytest.fixture
def almaty(event):  # type: ignore[no-untyped-def]
    org = OrganisationFactory(programme=event.programme, region=region("almaty-city"))
    return participant(event, name="Aigerim Almaty", organisation=org)


@pytest.fixture
def meeting(leeds, almaty):  # type: ignore[no-untyped-def]
    return accepted_meeting(leeds, almaty)


@pytest.fixture
def method(db):  # type: ignore[no-untyped-def]
    return LocalContentMethod.objects.create(
        code="kz-goods-works-services",
        version="2024",
        name="Kazakh share of goods, works, services",
    )
