"""What domain apps plug into core's pages and into account deletion, without core importing them.

Core sits at the bottom of the house: every app imports it, so it imports none of them. An app
that wants a panel on the dashboard or the home page, or a say in whether an account may be
deleted, registers it here from its `AppConfig.ready()` (indico's modules react to
`signals.users.merged` the same way). Core's views only ask the registry.

    registry.register_panel(
        page="dashboard", name="events", template="events/panels/dashboard.html",
        context=selectors.dashboard_panel, order=30,
    )
    registry.register_deletion_check(name="organisations", check=selectors.deletion_refusals)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

PanelContext = Callable[..., dict[str, Any] | None]
DeletionCheck = Callable[..., list[str]]
DeletionHook = Callable[..., None]

PAGES = ("home", "dashboard")


@dataclass(frozen=True)
class Panel:
    """A block of a core page owned by an app: `context(user=...)` returns the template's context,
    or None when the panel has nothing to show this person (it is then left out)."""

    name: str
    template: str
    context: PanelContext
    order: int = 100


@dataclass(frozen=True)
class ShownPanel:
    name: str
    template: str
    context: dict[str, Any]


_panels: dict[str, dict[str, Panel]] = {page: {} for page in PAGES}
_deletion_checks: dict[str, DeletionCheck] = {}
_deletion_hooks: dict[str, DeletionHook] = {}


def register_panel(
    *, page: str, name: str, template: str, context: PanelContext, order: int = 100
) -> None:
    """Add (or, under the same name, replace) a panel on `page` ("home" or "dashboard")."""
    if page not in _panels:
        raise ValueError(f"unknown page {page!r}; pages are {', '.join(PAGES)}")
    _panels[page][name] = Panel(name=name, template=template, context=context, order=order)


def panels_for(*, page: str, user: Any) -> list[ShownPanel]:
    """The panels of `page` that have something for `user`, in their order."""
    shown = []
    for panel in sorted(_panels[page].values(), key=lambda panel: (panel.order, panel.name)):
        context = panel.context(user=user)
        if context is not None:
            shown.append(ShownPanel(name=panel.name, template=panel.template, context=context))
    return shown


def register_deletion_check(*, name: str, check: DeletionCheck) -> None:
    """`check(user=...)` returns the reasons (translated sentences) that forbid deleting the
    account now, e.g. being the only owner of an organisation; an empty list allows it."""
    _deletion_checks[name] = check


def register_deletion_hook(*, name: str, hook: DeletionHook) -> None:
    """`hook(user=...)` runs inside the deleting transaction, before the user's row goes: for
    data that must be anonymised or released rather than cascaded away."""
    _deletion_hooks[name] = hook


def deletion_refusals(*, user: Any) -> list[str]:
    return [reason for check in _deletion_checks.values() for reason in check(user=user)]


def deletion_hooks_run(*, user: Any) -> None:
    for hook in _deletion_hooks.values():
        hook(user=user)
