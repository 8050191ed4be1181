"""Forms read from a rendered page and submitted as a browser would: hidden fields included,
the selected options, the checked boxes, nothing the page does not carry.

    form = html_forms.find(page.content.decode(), action=url)
    response = client.post(form.action or url, form.submission(message="Hello"))
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

UNSENT = {"submit", "button", "reset", "image", "file"}


@dataclass
class Control:
    name: str
    kind: str  # input type, "select", "select-multiple" or "textarea"
    value: str = ""
    checked: bool = False
    options: list[tuple[str, bool]] = field(default_factory=list)  # (value, selected)


@dataclass
class Form:
    method: str
    action: str
    controls: list[Control] = field(default_factory=list)

    def submission(self, **changes: str | list[str]) -> dict[str, list[str]]:
        """What the browser sends, with some fields typed in (`changes` replace them)."""
        data: dict[str, list[str]] = {}
        for control in self.controls:
            values = _sent_values(control)
            if values:
                data.setdefault(control.name, []).extend(values)
        for name, value in changes.items():
            data[name] = value if isinstance(value, list) else [value]
        return data

    @property
    def hidden(self) -> dict[str, str]:
        return {c.name: c.value for c in self.controls if c.kind == "hidden"}

    def names(self) -> set[str]:
        return {control.name for control in self.controls}


def _sent_values(control: Control) -> list[str]:
    if control.kind in UNSENT:
        return []
    if control.kind in ("checkbox", "radio"):
        return [control.value or "on"] if control.checked else []
    if control.kind == "select":
        chosen = [value for value, selected in control.options if selected]
        return chosen[:1] or [value for value, _ in control.options[:1]]
    if control.kind == "select-multiple":
        return [value for value, selected in control.options if selected]
    return [control.value]


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: Control | None = None
        self._option: list[str] | None = None
        self._textarea: Control | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        if tag == "form":
            self._form = Form(method=a.get("method", "get").lower(), action=a.get("action", ""))
            self.forms.append(self._form)
        if self._form is None or ("disabled" in a and tag != "option"):
            return
        name = a.get("name", "")
        if tag == "input" and name:
            kind = a.get("type", "text").lower()
            control = Control(name, kind, a.get("value", ""), "checked" in a)
            self._form.controls.append(control)
        elif tag == "select" and name:
            kind = "select-multiple" if "multiple" in a else "select"
            self._select = Control(name, kind)
            self._form.controls.append(self._select)
        elif tag == "option" and self._select is not None:
            self._option = [a.get("value", ""), "selected" in a, "value" in a]
        elif tag == "textarea" and name:
            self._textarea = Control(name, "textarea")
            self._form.controls.append(self._textarea)

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._textarea.value += data
        if self._option is not None and not self._option[2]:
            self._option[0] += data.strip()

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "option" and self._option is not None and self._select is not None:
            self._select.options.append((self._option[0], bool(self._option[1])))
            self._option = None
        elif tag == "textarea" and self._textarea is not None:
            self._textarea.value = self._textarea.value.removeprefix("\n")
            self._textarea = None


def forms_in(html: str) -> list[Form]:
    parser = _Parser()
    parser.feed(html)
    return parser.forms


def find(html: str, *, action: str | None = None, method: str = "post") -> Form:
    """The page's form with this method that posts to `action` (by default: to the page itself,
    i.e. without an action of its own)."""
    found = [
        form for form in forms_in(html) if form.method == method and form.action == (action or "")
    ]
    if not found and action is not None:
        found = [form for form in forms_in(html) if form.method == method and not form.action]
    assert found, f"no {method} form for {action or 'the page itself'} on the page"
    return found[0]
