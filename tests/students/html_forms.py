"""Take a form's fields from the rendered page, as a browser would submit them."""

from html.parser import HTMLParser
from typing import Any


class _Forms(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict[str, Any]] = []
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append({"action": a.get("action", ""), "fields": {}, "names": set()})
        if not self.forms:
            return
        fields, names = self.forms[-1]["fields"], self.forms[-1]["names"]
        name = a.get("name")
        if tag == "input" and name:
            names.add(name)
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    fields.setdefault(name, []).append(a.get("value", "on"))
            elif kind not in ("submit", "button", "file"):
                fields[name] = [a.get("value", "")]
        elif tag == "select" and name:
            names.add(name)
            self._select = name
            fields.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in a:
            self.forms[-1]["fields"][self._select].append(a.get("value", ""))
        elif tag == "textarea" and name:
            names.add(name)
            self._textarea = name
            fields[name] = [""]

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        if tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea and self.forms:
            self.forms[-1]["fields"][self._textarea][0] += (
                data.lstrip("\n") if not self.forms[-1]["fields"][self._textarea][0] else data
            )


def form_fields(html: str, *, action: str | None = None, index: int = -1) -> dict[str, Any]:
    """The fields of the form posting to `action` (or the `index`-th form), as a dict ready for
    the test client; each field the page does not render is absent, so a test cannot post one."""
    parser = _Forms()
    parser.feed(html)
    forms = [f for f in parser.forms if action is None or f["action"] == action]
    chosen = forms[index if action is None else 0]
    data: dict[str, Any] = {}
    for name in chosen["names"]:
        values = chosen["fields"].get(name, [])
        data[name] = values if len(values) != 1 else values[0]
    return data


def post_form(
    client,
    url: str,
    changes: dict[str, Any],
    *,
    action: str | None = None,
    index: int = -1,
    files: dict[str, Any] | None = None,
):  # type: ignore[no-untyped-def]
    page = client.get(url)
    assert page.status_code == 200, page.status_code
    data = form_fields(page.content.decode(), action=action, index=index)
    unknown = set(changes) - set(data) - set(files or {})
    assert not unknown, f"the page has no fields {unknown}"
    data.update(changes)
    data = {k: v for k, v in data.items() if v is not None}
    return client.post(action or url, {**data, **(files or {})})
