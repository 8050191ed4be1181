"""System checks for settings that would quietly undo a defence."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.checks import Error, register


def _inside(path: Path, folder: Path) -> bool:
    path, folder = path.resolve(), folder.resolve()
    return path == folder or folder in path.parents


@register()
def private_files_not_served(app_configs: Any, **kwargs: Any) -> list[Error]:
    """Private documents must not sit where the web server serves public files."""
    private = Path(settings.PRIVATE_MEDIA_ROOT)
    public = {"MEDIA_ROOT": Path(settings.MEDIA_ROOT), "STATIC_ROOT": Path(settings.STATIC_ROOT)}
    return [
        Error(
            f"PRIVATE_MEDIA_ROOT ({private}) overlaps {name} ({folder}), which is served publicly.",
            hint="Give PRIVATE_MEDIA_ROOT a folder of its own, outside MEDIA_ROOT and STATIC_ROOT.",
            id="twinning.E001",
        )
        for name, folder in public.items()
        if _inside(private, folder) or _inside(folder, private)
    ]
