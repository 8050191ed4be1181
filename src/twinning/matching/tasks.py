"""Background tasks: thin wrappers that take identifiers and call a service."""

from typing import Any

from django_tasks import task

from twinning.matching import services


@task()
def recompute_matches(programme_slug: str, job_id: int, full: bool) -> dict[str, Any]:
    return services.recompute_with_job(programme_slug=programme_slug, job_id=job_id, full=full)


@task()
def recompute_in_chunks(programme_slug: str, job_id: int) -> int:
    return services.recompute_split(programme_slug=programme_slug, job_id=job_id)


@task()
def embed_texts(programme_slug: str, job_id: int, texts: list[str]) -> bool:
    return services.embed_chunk(programme_slug=programme_slug, job_id=job_id, texts=texts)
