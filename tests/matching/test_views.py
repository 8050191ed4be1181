import csv
import io
import itertools

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PublishedOpportunityFactory,
    region,
)
from tests.matching.scenario import IMMEDIATE_TASKS, build_scenario
from twinning.core.models import JobProgress
from twinning.matching import services
from twinning.matching.models import Feedback, Recommendation
from twinning.organisations.models import Organisation

pytestmark = pytest.mark.integration

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def scenario(programme, settings):
    settings.TASKS = IMMEDIATE_TASKS
    return build_scenario(programme)


@pytest.fixture
def computed(scenario):
    services.recompute_full(programme=scenario.programme)
    return scenario


def list_url(organisation, opportunity=None):
    if opportunity is not None:
        return reverse("matching:opportunity", args=[organisation.pk, opportunity.pk])
    return reverse("matching:organisation", args=[organisation.pk])


def test_member_sees_own_list_with_reasons(client, computed):
    client.force_login(computed.leeds_user)
    response = client.get(list_url(computed.leeds))
    assert response.status_code == 200
    items = response.context["items"]
    assert items[0].candidate == computed.kostanay
    text = response.content.decode()
    assert "Kostanay" in text or "Костанай" in text
    assert "meets their business request" in text
    assert "NACE 28.93" in text and "NACE 10.11" in text


def test_reasons_are_worded_in_the_readers_language(client, computed):
    client.force_login(computed.kostanay_user)
    response = client.get(list_url(computed.kostanay), HTTP_ACCEPT_LANGUAGE="ru")
    text = response.content.decode()
    assert response.context["items"][0].candidate == computed.leeds
    assert "Ваш" in text  # the type reason, in Russian
    assert "Meat-processing equipment for abattoirs" in text  # the partner's own words stay


def test_recommendation_rules_both_ways(computed, operator):
    leeds, kostanay = computed.leeds, computed.kostanay
    assert computed.leeds_user.has_perm("matching.view_recommendations", leeds)
    assert not computed.leeds_user.has_perm("matching.view_recommendations", kostanay)
    assert computed.leeds_user.has_perm("matching.give_feedback", leeds)
    assert not computed.kostanay_user.has_perm("matching.give_feedback", leeds)
    assert operator.has_perm("matching.view_recommendations", kostanay)
    assert operator.has_perm("matching.operate")
    assert not computed.leeds_user.has_perm("matching.operate")


def test_member_cannot_see_another_organisations_list(client, computed):
    client.force_login(computed.leeds_user)
    assert client.get(list_url(computed.kostanay)).status_code == 403
    assert client.get(list_url(computed.kostanay, computed.kostanay_request)).status_code == 403
    assert client.get(reverse("matching:organisation", args=[999_999])).status_code == 404
    # Someone else's opportunity under my organisation's address is not found either.
    assert client.get(list_url(computed.leeds, computed.kostanay_request)).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, computed):
    response = client.get(list_url(computed.leeds))
    assert response.status_code in {302, 403}
    assert "Kostanay" not in response.content.decode()


def test_operator_may_read_any_list_but_not_give_feedback(client, computed, operator):
    client.force_login(operator)
    assert client.get(list_url(computed.kostanay)).status_code == 200
    url = reverse("matching:feedback", args=[computed.kostanay.pk, computed.leeds.pk])
    assert client.post(url, {"kind": "must_meet"}).status_code == 403
    assert not Feedback.objects.exists()


def test_opportunity_list_puts_the_answering_offer_first(client, computed):
    client.force_login(computed.kostanay_user)
    response = client.get(list_url(computed.kostanay, computed.kostanay_request))
    assert response.status_code == 200
    assert response.context["items"][0].candidate == computed.leeds


def test_filters_narrow_the_list(client, computed):
    client.force_login(computed.leeds_user)
    by_region = client.get(list_url(computed.leeds), {"region": "almaty-city"})
    assert [i.candidate.slug for i in by_region.context["items"]] == ["almaty-film"]
    by_sector = client.get(list_url(computed.leeds), {"sector": "10"})
    assert [i.candidate.slug for i in by_sector.context["items"]] == ["kostanay-meat-plant"]
    by_type = client.get(list_url(computed.leeds), {"type": "film_coproduction"})
    assert [i.candidate.slug for i in by_type.context["items"]] == ["almaty-film"]
    top_score = by_region.context["items"][0].recommendation.score
    high = client.get(list_url(computed.leeds), {"min_score": top_score + 0.001})
    assert "almaty-film" not in [i.candidate.slug for i in high.context["items"]]


def test_htmx_filter_returns_only_the_list(client, computed):
    client.force_login(computed.leeds_user)
    response = client.get(
        list_url(computed.leeds), {"sector": "10"}, HTTP_HX_TARGET="recommendations", **HTMX
    )
    text = response.content.decode()
    assert text.lstrip().startswith('<div id="recommendations"')
    assert "<html" not in text


def test_not_interested_by_htmx_removes_the_item_in_place(client, computed):
    client.force_login(computed.leeds_user)
    url = reverse("matching:feedback", args=[computed.leeds.pk, computed.kostanay.pk])
    response = client.post(url, {"kind": "not_interested"}, **HTMX)
    assert response.status_code == 200
    assert response.content == b""
    listed = client.get(list_url(computed.leeds)).context["items"]
    assert computed.kostanay not in [i.candidate for i in listed]
    kostanay_sees = Recommendation.objects.filter(
        organisation=computed.kostanay, candidate=computed.leeds, opportunity=None
    )
    assert kostanay_sees.get().rank == 1


def test_must_meet_by_htmx_returns_the_item_marked(client, computed):
    client.force_login(computed.leeds_user)
    url = reverse("matching:feedback", args=[computed.leeds.pk, computed.astana_soft.pk])
    response = client.post(url, {"kind": "must_meet"}, **HTMX)
    text = response.content.decode()
    assert f'id="candidate-{computed.astana_soft.pk}"' in text
    assert 'value="must_meet" class="btn btn-sm btn-success" aria-pressed="true"' in text
    # The background refresh ran (immediate backend): the candidate now leads the list.
    assert client.get(list_url(computed.leeds)).context["items"][0].candidate == (
        computed.astana_soft
    )


def test_feedback_on_an_opportunity_list_returns_that_lists_item(client, computed):
    client.force_login(computed.kostanay_user)
    url = reverse("matching:feedback", args=[computed.kostanay.pk, computed.leeds.pk])
    data = {"kind": "interesting", "opportunity": computed.kostanay_request.pk}
    text = client.post(url, data, **HTMX).content.decode()
    assert f'name="opportunity" value="{computed.kostanay_request.pk}"' in text
    assert 'value="interesting" class="btn btn-sm btn-info" aria-pressed="true"' in text


def test_feedback_is_never_shown_to_the_other_side(client, computed):
    services.feedback_set(
        organisation=computed.leeds,
        candidate=computed.kostanay,
        kind="must_meet",
        by=computed.leeds_user,
    )
    services.recompute_changes(programme=computed.programme)
    client.force_login(computed.kostanay_user)
    response = client.get(list_url(computed.kostanay))
    leeds_item = next(i for i in response.context["items"] if i.candidate == computed.leeds)
    assert leeds_item.feedback == ""
    assert "must meet" not in response.content.decode().lower().replace("must meet</button", "")


def test_refresh_runs_in_the_background_and_the_page_follows_the_job(client, computed):
    client.force_login(computed.leeds_user)
    response = client.post(reverse("matching:refresh", args=[computed.leeds.pk]))
    job = JobProgress.objects.get(kind="matching.refresh")
    assert response.url.endswith(f"?job={job.pk}")
    assert job.state == JobProgress.State.DONE
    page = client.get(response.url)
    assert "Recommendations are up to date" in page.content.decode()
    fragment = client.get(reverse("matching:job", args=[job.pk]), **HTMX).content.decode()
    assert "hx-trigger" not in fragment  # finished: the polling stops


def test_an_edited_profile_offers_a_refresh(client, computed):
    client.force_login(computed.leeds_user)
    assert not client.get(list_url(computed.leeds)).context["stale"]
    computed.leeds.description += " Now also smokehouses."
    computed.leeds.save(update_fields=["description", "updated_at"])
    page = client.get(list_url(computed.leeds))
    assert page.context["stale"]
    assert "Your profile has changed" in page.content.decode()


def test_running_job_fragment_keeps_polling(client, computed):
    client.force_login(computed.leeds_user)
    job = JobProgress.objects.create(
        kind="matching.refresh", started_by=computed.leeds_user, total=10, done=4,
        state=JobProgress.State.RUNNING,
    )  # fmt: skip
    fragment = client.get(reverse("matching:job", args=[job.pk]), **HTMX).content.decode()
    assert 'hx-trigger="every 1s"' in fragment
    assert 'aria-valuenow="40"' in fragment
    client.force_login(computed.kostanay_user)
    assert client.get(reverse("matching:job", args=[job.pk])).status_code == 404


def test_a_member_does_not_see_someone_elses_job_through_the_page(client, computed, operator):
    job = JobProgress.objects.create(
        kind="matching.recompute", started_by=operator, total=10, done=4,
        state=JobProgress.State.RUNNING, message="Embedding 4 of 10 profiles",
    )  # fmt: skip
    client.force_login(computed.leeds_user)
    page = client.get(list_url(computed.leeds), {"job": job.pk})
    assert page.context["job"] is None
    assert "Embedding 4 of 10" not in page.content.decode()
    client.force_login(operator)
    assert client.get(list_url(computed.leeds), {"job": job.pk}).context["job"] == job


@pytest.mark.parametrize(
    ("next_url", "landing"),
    [
        ("https://evil.example.com/phish", None),
        ("//evil.example.com/", None),
        ("/introductions/", "/introductions/"),
    ],
)
def test_feedback_goes_back_only_to_a_page_of_this_site(client, computed, next_url, landing):
    client.force_login(computed.leeds_user)
    url = reverse("matching:feedback", args=[computed.leeds.pk, computed.kostanay.pk])
    response = client.post(url, {"kind": "interesting", "next": next_url})
    assert response.url == (landing or list_url(computed.leeds))


def test_operator_pairs_page_and_csv(client, computed, operator):
    client.force_login(operator)
    page = client.get(reverse("matching:pairs"))
    assert page.status_code == 200
    first_group = page.context["groups"][0]
    assert first_group[0] == "28"
    pair = first_group[2][0]
    assert {pair.first, pair.second} == {computed.leeds, computed.kostanay}
    response = client.get(reverse("matching:pairs"), {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "NACE division"
    assert rows[1][1] == "Leeds Meat Machines Ltd"
    assert "meat" in rows[1][6].lower()


def test_the_pairs_csv_writes_formula_looking_names_as_text(client, computed, operator):
    formula = '=HYPERLINK("https://evil.example.com","Leeds")'
    Organisation.objects.filter(pk=computed.leeds.pk).update(legal_name=formula, name_en=formula)
    client.force_login(operator)
    response = client.get(reverse("matching:pairs"), {"format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    names = {cell for row in rows[1:] for cell in row[1:4:2]}
    assert '\'=HYPERLINK("https://evil.example.com","Leeds")' in names
    assert not any(cell.startswith("=") for row in rows for cell in row)


def test_members_cannot_open_the_operators_pages(client, computed):
    client.force_login(computed.leeds_user)
    assert client.get(reverse("matching:pairs")).status_code == 403
    assert client.post(reverse("matching:recompute")).status_code == 403


def test_operator_starts_a_full_recompute(client, computed, operator):
    client.force_login(operator)
    response = client.post(reverse("matching:recompute"))
    job = JobProgress.objects.get(kind="matching.recompute")
    assert response.status_code == 302 and f"job={job.pk}" in response.url
    assert job.result["full"] is True


def _growing_list(programme):
    """A viewer with no recommendations yet, and `grow`, which adds the next one."""
    viewer = OrganisationFactory(programme=programme)
    user = MembershipFactory(organisation=viewer).user
    now, ranks = timezone.now(), itertools.count(1)

    def grow():
        rank = next(ranks)
        candidate = OrganisationFactory(programme=programme, region=region("almaty-city"))
        reasons = [
            {"kind": "sector", "level": "class", "mine": "28.93", "theirs": "28.93"},
            {"kind": "language", "languages": ["en"]},
        ]
        Recommendation.objects.create(
            programme=programme, organisation=viewer, candidate=candidate, score=1.0 / rank,
            rank=rank, reasons=reasons, computed_at=now,
        )  # fmt: skip

    return viewer, user, grow


def _list_with(n, programme):
    viewer, user, grow = _growing_list(programme)
    for _ in range(n):
        grow()
    return viewer, user


def _shows_items(response, rows):
    assert len(response.context["items"]) == rows


@pytest.mark.pins("matching:organisation")
def test_list_queries_do_not_grow_with_the_list(client, programme, pinned_queries):
    viewer, user, grow = _growing_list(programme)
    client.force_login(user)
    pinned_queries(list_url(viewer), grow, check=_shows_items)


@pytest.mark.pins("matching:pairs")
def test_pairs_queries_do_not_grow_with_the_list(client, programme, operator, pinned_queries):
    _viewer, _user, grow = _growing_list(programme)
    client.force_login(operator)

    def check(response, rows):
        assert sum(len(g[2]) for g in response.context["groups"]) == rows

    pinned_queries(reverse("matching:pairs"), grow, check=check)


@pytest.mark.pins("matching:opportunity")
def test_an_opportunitys_list_queries_do_not_grow_with_the_list(client, programme, pinned_queries):
    """One more candidate whose opportunity meets the viewer's, and one more opportunity of the
    viewer's own (a tab of the page), at each step."""
    viewer = OrganisationFactory(programme=programme)
    user = MembershipFactory(organisation=viewer).user
    wanted = PublishedOpportunityFactory(organisation=viewer, type="business_request")
    now, ranks = timezone.now(), itertools.count(1)

    def grow():
        rank = next(ranks)
        candidate = OrganisationFactory(programme=programme, region=region("almaty-city"))
        offer = PublishedOpportunityFactory(organisation=candidate, type="business_offer")
        PublishedOpportunityFactory(organisation=viewer)
        reasons = [
            {"kind": "types", "mine": "business_request", "theirs": "business_offer",
             "strength": 1.0, "mine_opportunity": wanted.pk, "theirs_opportunity": offer.pk,
             "mine_title": wanted.title, "theirs_title": offer.title},
            {"kind": "sector", "level": "class", "mine": "28.93", "theirs": "28.93"},
        ]  # fmt: skip
        Recommendation.objects.create(
            programme=programme, organisation=viewer, candidate=candidate, opportunity=wanted,
            score=1.0 / rank, rank=rank, reasons=reasons, computed_at=now,
        )  # fmt: skip

    def check(response, rows):
        _shows_items(response, rows)
        assert len(response.context["opportunities"]) == 1 + rows

    client.force_login(user)
    pinned_queries(list_url(viewer, wanted), grow, check=check)


def test_show_more_pages_to_fifty_keeping_the_filters(client, programme):
    viewer, user = _list_with(23, programme)
    client.force_login(user)
    response = client.get(list_url(viewer), {"region": "almaty-city"})
    assert len(response.context["items"]) == 10
    more = response.context["more_query"]
    assert "region=almaty-city" in more and "shown=20" in more
    assert f'href="?{more.replace("&", "&amp;")}"' in response.content.decode()
    response = client.get(f"{list_url(viewer)}?{more}", HTTP_HX_REQUEST="true",
                          HTTP_HX_TARGET="recommendations")  # fmt: skip
    assert next(t.name for t in response.templates) == "matching/includes/list.html"
    assert len(response.context["items"]) == 20
    response = client.get(list_url(viewer), {"region": "almaty-city", "shown": "30"})
    assert len(response.context["items"]) == 23 and response.context["more_query"] == ""
    assert len(client.get(list_url(viewer), {"shown": "500"}).context["items"]) == 23


def test_show_more_stops_at_fifty(client, programme):
    viewer, user = _list_with(55, programme)
    client.force_login(user)
    response = client.get(list_url(viewer), {"shown": "50"})
    assert len(response.context["items"]) == 50 and response.context["more_query"] == ""


@pytest.mark.pins("matching:organisation")
def test_paged_list_queries_do_not_grow_with_the_list(client, programme, pinned_queries):
    viewer, user, grow = _growing_list(programme)
    client.force_login(user)
    query = {"shown": "20", "region": "almaty-city"}
    pinned_queries(list_url(viewer), grow, data=query, check=_shows_items)


def test_kazakh_reasons_name_sectors_in_kazakh_or_say_the_title_is_russian(client, computed):
    client.force_login(computed.kostanay_user)
    response = client.get(list_url(computed.kostanay), HTTP_ACCEPT_LANGUAGE="kk")
    reasons = " ".join(" ".join(item.reasons) for item in response.context["items"])
    assert "NACE 10.11" in reasons
    assert "Переработка и консервирование мяса (орысша)" in reasons
    assert "Processing and preserving of meat" not in reasons
