"""Who may follow a background job through the API."""

from tests.access import operator_only

API = {
    # The world's job was started by the operator: others do not see it.
    "GET /api/jobs/{job_id}": operator_only(lambda w: {"job_id": w.job.pk}),
}
