"""The film part of a person's export: the applications they created (with the reviewers'
requests and reasons, which are about the application) and the documents they uploaded."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from twinning.core.models import User
from twinning.core.privacy import records
from twinning.core.registry import ExportFile
from twinning.film.models import ApplicationDocument, FilmApplication


def personal_data(*, user: User) -> dict[str, Any]:
    return {
        "applications_i_created": records(
            FilmApplication.objects.filter(created_by=user).order_by("pk")
        ),
        "documents_i_uploaded": records(
            ApplicationDocument.objects.filter(uploaded_by=user).order_by("pk")
        ),
    }


def personal_files(*, user: User) -> list[ExportFile]:
    documents = ApplicationDocument.objects.filter(uploaded_by=user).exclude(file="")
    return [
        ExportFile(name=f"film/{doc.pk}-{PurePosixPath(doc.original_name).name}", file=doc.file)
        for doc in documents.order_by("pk")
    ]
