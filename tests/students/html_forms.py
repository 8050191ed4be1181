"""The students tests' shortcuts over the shared form reader (tests/html_forms.py): a form's
fields as a dict for the test client, and a form posted from its rendered page."""

from typing import Any

from tests import html_forms


def form_fields(html: str, *, action: str | None = None, index: int = -1) -> dict[str, Any]:
    """The fields of the form posting to `action` (or the `index`-th form), as a dict ready for
    the test client; each field the page does not render is absent, so a test cannot post one."""
    forms = [f for f in html_forms.forms_in(html) if action is None or f.action == action]
    chosen = forms[index if action is None else 0]
    sent = chosen.submission()
    data: dict[str, Any] = {}
    for name in chosen.names():
        values = sent.get(name, [])
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
