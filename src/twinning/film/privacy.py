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


def rejected_applications_due(*, now: Any, dry_run: bool) -> list[str]:
    """Retention: rejected applications, with their documents, after
    `rejected_film_application_months`."""
    import datetime as dt

    from django.conf import settings
    from django.db import transaction

    from twinning.core.privacy import files_remove_on_commit

    months = settings.RETENTION["rejected_film_application_months"]
    cutoff = now - dt.timedelta(days=30 * months)
    due = FilmApplication.objects.filter(
        state=FilmApplication.State.REJECTED, updated_at__lt=cutoff
    ).order_by("pk")
    lines = [
        f"rejected film application #{a.pk} (last changed {a.updated_at:%Y-%m-%d})" for a in due
    ]
    if lines and not dry_run:
        with transaction.atomic():
            documents = ApplicationDocument.objects.filter(application__in=due).exclude(file="")
            files_remove_on_commit([(doc.file.storage, doc.file.name) for doc in documents])
            FilmApplication.objects.filter(pk__in=[a.pk for a in due]).delete()
    return lines
