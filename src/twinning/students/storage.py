"""Where CVs are kept: a private storage, never under MEDIA_ROOT or a public URL.

`cv_storage` is the one place to change when the project's private-files mechanism takes over:
the CV field asks it for its storage, and downloads go through the permission-checked view.
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages


class PrivateFileSystemStorage(FileSystemStorage):
    """Files under PRIVATE_MEDIA_ROOT, with no URL: they are served only by views that check."""

    @property
    def base_location(self) -> str:  # type: ignore[override]
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self) -> str:  # type: ignore[override]
        return str(Path(self.base_location).resolve())

    def url(self, name: str | None) -> str:
        raise ValueError("Private files have no public URL.")


def cv_storage() -> Storage:
    if "private" in settings.STORAGES:
        return storages["private"]
    return PrivateFileSystemStorage()
