"""Imports on the web: one registry of importers, each the same code as its command line.

An importer reads a CSV or XLSX file into numbered rows and imports them all or none, with a
dry run that reports every bad row (`organisations.imports` is the model). Organisations are
registered here; another app (students) registers its own from its AppConfig.ready():

    from twinning.outcomes.imports import Importer, register_importer
    register_importer(Importer(kind="students", label=_("Students"),
                               read=read_rows, run=students_import))
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from twinning.organisations.imports import organisations_import, read_rows


@dataclass(frozen=True)
class Importer:
    kind: str
    label: Any
    # path -> [(row number, {column: value})]; raises ValueError for a file it cannot read
    read: Callable[..., list[tuple[int, dict[str, str]]]]
    # (programme=, rows=, dry_run=, progress=) -> a result with .problems, .rows, .created
    run: Callable[..., Any]


IMPORTERS: dict[str, Importer] = {}


def register_importer(importer: Importer) -> None:
    IMPORTERS[importer.kind] = importer


register_importer(
    Importer(
        kind="organisations", label=_("Organisations"), read=read_rows, run=organisations_import
    )
)
