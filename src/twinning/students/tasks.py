"""Background jobs: allocating a large fair takes up to a minute."""

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django_tasks import task

from twinning.core.selectors import user_get
from twinning.core.services import job_finish, job_update
from twinning.students import selectors, services
from twinning.students.allocation import ALLOCATION_STEPS


@task()
def allocate_fair(*, fair_id: int, job_id: int, by_id: int | None = None) -> dict[str, Any]:
    """Allocate the fair's interviews for the operator who queued it (``by_id``); the job
    carries the summary, or the reason it failed, to the page and the API."""
    fair = selectors.fair_get(pk=fair_id)
    by = user_get(pk=by_id) if by_id is not None else None
    if fair is None:
        job_finish(job_id=job_id, failed=True, result={"error": _("The fair no longer exists.")})
        return {}

    def progress(step: int, message: str) -> None:
        job_update(job_id=job_id, done=step, total=ALLOCATION_STEPS, message=message)

    try:
        summary = services.fair_allocate(
            fair=fair, by=by, time_limit=services.ALLOCATE_SECONDS_QUEUED, progress=progress
        )
    except ValidationError as error:
        job_finish(job_id=job_id, failed=True, result={"error": " ".join(error.messages)})
        return {}
    except Exception:
        job_finish(job_id=job_id, failed=True, result={"error": _("The allocation failed.")})
        raise
    job_finish(job_id=job_id, result=summary)
    return summary
