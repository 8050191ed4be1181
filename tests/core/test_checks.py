import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

pytestmark = pytest.mark.unit


def test_private_files_inside_the_public_media_folder_fail_the_checks(settings):
    settings.PRIVATE_MEDIA_ROOT = settings.MEDIA_ROOT / "private"
    with pytest.raises(SystemCheckError, match=r"twinning\.E001"):
        call_command("check")


def test_the_default_folders_pass_the_checks(settings):
    call_command("check")
