"""Progress of background jobs (matching refreshes, scheduling runs, fair allocations)."""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router
from ninja.errors import HttpError

from twinning.api.matching_schemas import JobOut
from twinning.api.parity import pages
from twinning.api.schemas import Error
from twinning.core.models import JobProgress
from twinning.core.selectors import job_get

router = Router(tags=["jobs"])


def job_out(job: JobProgress) -> JobOut:
    return JobOut(
        id=job.pk,
        kind=job.kind,
        label=job.label,
        state=job.state,
        done=job.done,
        total=job.total,
        percent=job.percent,
        message=job.message,
        finished=job.finished,
        result=job.result,
        created_at=job.created_at,
        updated_at=job.updated_at,
    )


@router.get(
    "/jobs/{job_id}",
    response={200: JobOut, 403: Error, 404: Error},
    openapi_extra=pages("matching:job", "students:fair_allocation"),
)
def job_detail(request: HttpRequest, job_id: int) -> JobOut:
    """Only the user who started the job, or an operator, may follow it."""
    job = job_get(job_id=job_id)
    if job is None:
        raise HttpError(404, _("Not found."))
    if job.started_by_id != request.user.pk and not request.user.has_perm("core.operate"):
        raise HttpError(403, "Forbidden.")
    return job_out(job)
