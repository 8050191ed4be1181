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


# The right of access: each app hands in its part of one person's export.


@dataclass(frozen=True)
class ExportFile:
    """A stored file that goes into the person's archive under `name` (e.g. `students/cv.pdf`)."""

    name: str
    file: Any


@dataclass(frozen=True)
class ExportPart:
    """`data(user=...)` returns JSON-ready data (or an empty dict); `files(user=...)` the
    person's own uploads."""

    name: str
    data: Callable[..., dict[str, Any]]
    files: Callable[..., list[ExportFile]] | None = None


_export_parts: dict[str, ExportPart] = {}


def register_export(
    *,
    name: str,
    data: Callable[..., dict[str, Any]],
    files: Callable[..., list[ExportFile]] | None = None,
) -> None:
    _export_parts[name] = ExportPart(name=name, data=data, files=files)


def export_parts() -> list[ExportPart]:
    return [_export_parts[name] for name in sorted(_export_parts)]


# Consents per purpose that live in an app (e.g. a student's CV sharing for one job fair).


@dataclass(frozen=True)
class ConsentLine:
    """One consent as the person's consent page shows it; `key` names it to `withdraw`."""

    key: str
    purpose: str
    given_at: Any
    withdrawn_at: Any = None
    withdrawable: bool = True


@dataclass(frozen=True)
class ConsentSource:
    name: str
    lines: Callable[..., list[ConsentLine]]
    withdraw: Callable[..., bool]


_consent_sources: dict[str, ConsentSource] = {}


def register_consents(
    *, name: str, lines: Callable[..., list[ConsentLine]], withdraw: Callable[..., bool]
) -> None:
    """`lines(user=...)` lists the person's consents (active and withdrawn); `withdraw(user=...,
    key=...)` withdraws one of them and returns False when the key is not theirs."""
    _consent_sources[name] = ConsentSource(name=name, lines=lines, withdraw=withdraw)


def consent_sources() -> list[ConsentSource]:
    return [_consent_sources[name] for name in sorted(_consent_sources)]


def consent_source(name: str) -> ConsentSource | None:
    return _consent_sources.get(name)


# Retention: each kind of data kept for a set time (settings.RETENTION) and then removed.


@dataclass(frozen=True)
class RetentionRule:
    """`run(now=..., dry_run=...)` removes what is due (nothing when `dry_run`) and returns one
    line per item removed or due, e.g. "film application FA-2026-0004 (rejected 2026-01-02)"."""

    name: str
    label: str
    run: Callable[..., list[str]]


_retention_rules: dict[str, RetentionRule] = {}


def register_retention(*, name: str, label: Any, run: Callable[..., list[str]]) -> None:
    _retention_rules[name] = RetentionRule(name=name, label=label, run=run)


def retention_rules() -> list[RetentionRule]:
    return [_retention_rules[name] for name in sorted(_retention_rules)]


# Warm-up: work a process does once and keeps (vectors, text hashes, the model), done before it
# serves its first request, so that no visitor waits behind it (`core.warmup`).


_warmups: dict[str, Callable[[], object]] = {}


def register_warmup(*, name: str, run: Callable[[], object]) -> None:
    """`run()` fills a per-process cache; it must change nothing in the database."""
    _warmups[name] = run


def warmups() -> list[tuple[str, Callable[[], object]]]:
    return sorted(_warmups.items())
