import re
from collections import Counter

import pytest
from django.test import Client
from django.urls import reverse

from twinning.film import services

pytestmark = pytest.mark.integration


def test_operator_forms_on_an_application_have_unique_ids(application, producer, operator):
    """Approve and mark-paid both have an 'amount': each label must point at its own field."""
    services.film_application_submit(application=application, by=producer)
    # As the demo operator: a superuser is offered every operator form at once.
    operator.is_superuser = True
    operator.save()
    client = Client()
    client.force_login(operator)
    client.post(reverse("film:review", args=[application.pk]))
    page = client.get(reverse("film:application", args=[application.pk])).content.decode()
    ids = Counter(re.findall(r'\sid="([^"]+)"', page))
    assert [name for name, count in ids.items() if count > 1] == []
    for field_id in re.findall(r'<label[^>]*\sfor="([^"]+)"', page):
        assert ids[field_id] == 1, field_id
    assert 'name="amount"' in page
