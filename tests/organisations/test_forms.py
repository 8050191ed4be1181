import pytest
from django.utils import translation

from twinning.organisations.forms import SectorCodesField

pytestmark = pytest.mark.unit


def test_sector_codes_help_text_follows_the_active_language():
    field = SectorCodesField()
    with translation.override("en"):
        english = str(field.help_text)
    with translation.override("ru"):
        russian = str(field.help_text)
    assert "Between 1 and 5 codes" in english
    assert russian != english and "28.93" in russian
