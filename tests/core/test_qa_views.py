import re

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_password_reset_page_is_translated(client, language):
    client.cookies["django_language"] = language
    english = client.get(reverse("core:password_reset"), HTTP_ACCEPT_LANGUAGE="en")
    page = client.get(reverse("core:password_reset")).content.decode()
    assert english.status_code == 200
    assert 'for="id_email"' in page
    label = re.search(r'<label[^>]*for="id_email"[^>]*>([^<]*)<', page).group(1).strip()
    assert label and label not in ("Email", "E-mail address")
