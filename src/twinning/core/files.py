"""Private files: uploaded documents that only a permission-checked view hands out.

They live under ``PRIVATE_MEDIA_ROOT`` (never under ``MEDIA_ROOT``, which the web server may serve),
under random names that say nothing about the person or the original file name, and have no URL of
their own. A download route declares the model, the rule and the object the rule is asked about;
``PrivateFileView`` checks the rule and hands the file to django-private-storage's server (Django
itself in development, nginx's ``X-Accel-Redirect`` in production). See docs/architecture.md.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import models
from django.http import HttpResponse
from django.utils.deconstruct import deconstructible
from django.utils.http import content_disposition_header
from private_storage.fields import PrivateFileField as LibraryPrivateFileField
from private_storage.servers import get_server_class
from private_storage.storage.files import PrivateFileSystemStorage
from private_storage.views import PrivateStorageDetailView
from rules.contrib.views import PermissionRequiredMixin

__all__ = ["PrivateFileField", "PrivateFileView", "private_storage", "private_upload_to"]


@deconstructible
class PrivateStorage(PrivateFileSystemStorage):
    """The private folder, read from the settings on every use (tests point it elsewhere)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(location=None, base_url="/", **kwargs)

    @property
    def base_location(self) -> str:  # type: ignore[override]
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self) -> str:  # type: ignore[override]
        return str(Path(self.base_location).resolve())

    def url(self, name: str | None) -> str:
        raise ValueError("Private files have no URL; link to the route that checks permission.")


private_storage = PrivateStorage()


def private_upload_to(instance: models.Model, filename: str) -> str:
    """``<app>/<model>/<random>.<ext>``: nothing guessable, the extension kept for the type."""
    meta = instance._meta
    extension = Path(filename).suffix.lower()[:10]
    return f"{meta.app_label}/{meta.model_name}/{secrets.token_urlsafe(24)}{extension}"


class PrivateFileField(LibraryPrivateFileField):
    """A file field on the private storage with a random name (``upload_to`` may still be given)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("upload_to", private_upload_to)
        kwargs.setdefault("storage", private_storage)
        kwargs.setdefault("max_length", 255)
        super().__init__(*args, **kwargs)


def _same(obj: Any) -> Any:
    return obj


def _stored_name(obj: Any) -> str:
    return Path(obj.file.name).name


class PrivateFileView(PermissionRequiredMixin, PrivateStorageDetailView):
    """GET ``<pk>``: the object's file, to a user who passes ``permission_required`` on ``target``.

    Declared in an app's ``urls.py`` with ``as_view(model=..., permission_required=..., target=...,
    filename=...)``. Anonymous visitors are sent to sign in, others without the rule get 403, an
    unknown ``pk`` or a missing file is 404. The file always comes as an attachment, never inline,
    so an uploaded HTML or SVG file cannot run in the site's origin.
    """

    model_file_field = "file"
    #: The object the rule is asked about, given the row holding the file (e.g. its application).
    target: Callable[[Any], Any] = staticmethod(_same)
    #: The name the browser saves the file as (e.g. the original upload name kept on the row).
    filename: Callable[[Any], str] = staticmethod(_stored_name)
    raise_exception = False

    def get_permission_object(self) -> Any:
        if not hasattr(self, "object"):
            self.object = self.get_object()
        return self.target(self.object)

    def get(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        private_file = self.get_private_file()
        if not private_file.exists():
            return self.serve_file_not_found(private_file)
        server = get_server_class(settings.PRIVATE_STORAGE_SERVER)
        response = server().serve(private_file)
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=self.filename(self.object)
        )
        return response

    def can_access_file(self, private_file: Any) -> bool:
        return True  # the rule was checked in dispatch, before the object was read
