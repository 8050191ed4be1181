import pytest

from tests.students.factories import employer, job_fair, registered, student


@pytest.fixture(autouse=True)
def _private_root(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def aida(db):  # type: ignore[no-untyped-def]
    return student(name="Aida Nurlanovna")


@pytest.fixture
def bolat(db):  # type: ignore[no-untyped-def]
    return student(name="Bolat Serikuly", university="sheffield")


@pytest.fixture
def fair(programme, operator):  # type: ignore[no-untyped-def]
    return job_fair(programme, operator)


@pytest.fixture
def kazmunai(programme):  # type: ignore[no-untyped-def]
    """An employer (organisation, recruiter)."""
    return employer(programme, "KazMunai Recruiting LLP")


@pytest.fixture
def booth(fair, kazmunai, operator):  # type: ignore[no-untyped-def]
    from twinning.students import services

    return services.booth_add(fair=fair, organisation=kazmunai[0], by=operator, interviewers=2)


@pytest.fixture
def aida_at_fair(fair, aida):  # type: ignore[no-untyped-def]
    return registered(fair, aida, share=True)


@pytest.fixture
def bolat_at_fair(fair, bolat):  # type: ignore[no-untyped-def]
    return registered(fair, bolat, share=False)
