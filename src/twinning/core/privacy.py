"""The pieces of the right of access and of erasure that know no app: history rows, the audit
entries about a person, what a deletion takes with it, the export archive.

Each app adds its own part through `core.registry`; this module reads Django's and
django-simple-history's metadata, never an app's models (docs/security.md, "Privacy").
"""

from __future__ import annotations

import io
import json
import secrets
import tempfile
import zipfile
from collections import Counter
from pathlib import PurePosixPath
from typing import IO, Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, router, transaction
from django.db.models.deletion import Collector
from django.utils.translation import gettext_lazy as _
from simple_history.models import registered_models

from twinning.core import registry
from twinning.core.models import AuditEntry, User

#: Exports up to this size stay in memory while they are written; larger ones go to a
#: temporary file, so one person's CVs and documents never fill the server's memory.
SPOOL_BYTES = 8 * 1024 * 1024


def history_models() -> list[type[models.Model]]:
    """The history tables django-simple-history keeps (one per tracked model)."""
    return [model.history.model for model in registered_models.values()]  # type: ignore[attr-defined]


def _user_fields(model: type[models.Model]) -> list[str]:
    user_model = get_user_model()
    return [
        field.name
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model is user_model
    ]


def _naming(model: type[models.Model], user: User) -> models.Q:
    query = models.Q(pk__in=[])
    for name in _user_fields(model):
        query |= models.Q(**{f"{name}_id": user.pk})
    return query


def history_of(*, user: User) -> dict[str, list[dict[str, Any]]]:
    """Every history row that names the person: as the one who made the change
    (`history_user`) or in a field of the tracked row (`created_by`, ...)."""
    found: dict[str, list[dict[str, Any]]] = {}
    for model in history_models():
        rows = model._default_manager.filter(_naming(model, user)).order_by("history_id")
        if rows.exists():
            found[model._meta.label_lower] = serializers.serialize("python", rows)
    return found


def history_scrub(*, user: User) -> int:
    """Take the person's name out of the history tables; returns the rows changed.

    The rows stay (they date a change to sourced reference data), without who made it.
    """
    changed = 0
    for model in history_models():
        manager = model._default_manager
        for name in _user_fields(model):
            changed += manager.filter(**{f"{name}_id": user.pk}).update(**{name: None})
    return changed


def audit_about(*, user: User) -> list[dict[str, Any]]:
    entries = AuditEntry.objects.filter(models.Q(subject=user) | models.Q(actor=user))
    return [
        {
            "time": entry.created_at,
            "action": entry.action,
            "by_me": entry.actor_id == user.pk,
            "about_me": entry.subject_id == user.pk,
            "object": entry.object_repr,
            "details": entry.data,
        }
        for entry in entries.order_by("created_at", "pk")
    ]


def audit_scrub(*, user: User) -> int:
    """Entries about the person keep what was done and when, but no longer whose data it was:
    the object's name and the details (which may quote it) go, the foreign keys go by SET_NULL."""
    return AuditEntry.objects.filter(subject=user).update(object_repr="", data={})


def _deleted(user: User) -> Collector:
    collector = Collector(using=router.db_for_write(user.__class__), origin=user)
    collector.collect([user])
    return collector


def _file_fields(model: type[models.Model]) -> list[str]:
    return [f.name for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


def deletion_plan(*, user: User) -> tuple[dict[str, int], list[tuple[Any, str]]]:
    """What deleting the account takes with it: counts by model (`students.student`), and the files
    of those records (storage, name) to remove once the deletion has committed."""
    collector = _deleted(user)
    counts: Counter[str] = Counter()
    files: list[tuple[Any, str]] = []
    instances: list[models.Model] = [obj for objs in collector.data.values() for obj in objs]
    for queryset in collector.fast_deletes:
        counts[queryset.model._meta.label_lower] += queryset.count()
        if _file_fields(queryset.model):
            instances.extend(queryset)
    for obj in instances:
        counts[obj._meta.label_lower] += 1
        for name in _file_fields(obj.__class__):
            field_file = getattr(obj, name)
            if field_file:
                files.append((field_file.storage, field_file.name))
    counts.pop(user._meta.label_lower, None)
    return {kind: n for kind, n in sorted(counts.items()) if n}, files


def files_remove_on_commit(files: list[tuple[Any, str]]) -> None:
    """Files go only once the rows are gone for good: a deletion rolled back keeps both."""
    for storage, name in files:
        transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))


#: Receipt lines that are not a model's rows, in the reader's language when shown.
RECEIPT_EXTRA = {
    "files": _("stored files"),
    "history": _("history records stripped of the person's name"),
    "audit": _("audit entries stripped of the person's name"),
}


def receipt_lines(summary: dict[str, int]) -> list[tuple[str, int]]:
    """A receipt's summary as (what, how many), named in the current language."""
    lines = []
    for key, count in summary.items():
        if key in RECEIPT_EXTRA:
            lines.append((str(RECEIPT_EXTRA[key]), count))
            continue
        try:
            label = str(apps.get_model(key)._meta.verbose_name_plural)
        except (LookupError, ValueError):
            label = key
        lines.append((label, count))
    return lines


def receipt_reference() -> str:
    """`DEL-` and twelve characters nobody can guess or count through."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "DEL-" + "".join(secrets.choice(alphabet) for _ in range(12))


def export_files(*, user: User) -> list[registry.ExportFile]:
    return [
        found
        for part in registry.export_parts()
        if part.files is not None
        for found in part.files(user=user)
    ]


def archive_write(*, data: dict[str, Any], files: list[registry.ExportFile]) -> IO[bytes]:
    """`data.json` and the files under `files/`, in one ZIP, rewound for reading."""
    target = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 (returned open)
    listed = []
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for item in files:
            name = str(PurePosixPath("files") / item.name)
            try:
                with item.file.open("rb") as source, archive.open(name, "w") as sink:
                    for chunk in iter(lambda source=source: source.read(1024 * 1024), b""):
                        sink.write(chunk)
            except FileNotFoundError:
                continue
            listed.append(name)
        document = {**data, "files": listed}
        # Encoded piece by piece into the archive: the whole text never sits in memory.
        with (
            archive.open("data.json", "w") as sink,
            io.TextIOWrapper(sink, encoding="utf-8", write_through=False) as text,
        ):
            json.dump(document, text, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    target.seek(0)
    return target  # type: ignore[return-value]


def records(rows: Any) -> list[dict[str, Any]]:
    """Rows as the export writes them: every field by name, with the row's model and id.

    Many-to-many fields (an opportunity's sectors) are read for all rows at once, as ids; the
    serializer alone reads them row by row."""
    if isinstance(rows, models.QuerySet):
        many = [
            models.Prefetch(
                field.name, queryset=field.related_model._default_manager.order_by().only("pk")
            )
            for field in rows.model._meta.many_to_many
            if field.remote_field.through._meta.auto_created
        ]
        rows = rows.prefetch_related(*many)
    return [
        {"model": row["model"], "id": row["pk"], **row["fields"]}
        for row in serializers.serialize("python", rows)
    ]
