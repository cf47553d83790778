"""What the team sees of ROTA: aggregates (per area, province, legal form, year) that hide
small groups, named results only with consent, the admin report in both languages, erasure
and retention, and query counts that stay flat as assessments grow."""

import datetime
import io

import pytest
from django.contrib.auth.models import Permission, User
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.users.models import UserProfile

from demo.rota import days_ago, make_assessment, make_bilingual_rota_page, retake
from rota import reports, services
from rota.models import AreaScore, Assessment

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(home):
    return make_bilingual_rota_page(home, areas=2, statements=2)


def keys(page):
    return [area.key for area in page.area_list()]


def test_aggregates_per_area_and_per_group_hide_small_groups(page):
    for values in ([5, 1], [3, 1], [4, 2]):
        make_assessment(page, values, province="06", legal_form="association")
    make_assessment(page, [1, 5], province="65", legal_form="foundation")  # alone in Van
    first, second = keys(page)
    overall = reports.overall(page)
    assert overall.rounds == 4
    assert overall.averages == {first: 56, second: 31}  # (100+50+75+0)/4, (0+0+25+100)/4
    rows, hidden = reports.breakdown(page, "province")
    assert [(row.label, row.rounds) for row in rows] == [("Ankara", 3)]
    assert rows[0].averages == {first: 75, second: 8}
    assert hidden == 1
    rows, hidden = reports.breakdown(page, "legal_form")
    assert [row.label for row in rows] == ["Dernek"] or [row.label for row in rows] == [
        "Association"
    ]


def test_aggregates_over_time_count_every_round(page):
    for values in ([1, 1], [2, 2], [3, 3]):
        assessment = make_assessment(page, values, completed_at=days_ago(400))
        retake(page, assessment, [5, 5])
    rows, hidden = reports.breakdown(page, "year")
    years = {row.label: row.averages[keys(page)[0]] for row in rows}
    assert years[str(days_ago(400).year)] == 25 and years[str(datetime.date.today().year)] == 100
    assert hidden == 0


def test_named_results_only_with_a_name_and_consent(page):
    make_assessment(page, [5, 5], organisation="Gizli Derneği", consent=False)
    make_assessment(page, [4, 4], organisation="", consent=True)
    shown = make_assessment(page, [3, 3], organisation="Açık Vakfı", consent=True)
    retake(page, shown, [5, 1])
    named = reports.named_results(page)
    assert [(a.organisation, scores) for a, scores in named] == [
        ("Açık Vakfı", dict(zip(keys(page), [100, 0], strict=True)))
    ]
    # Consent without a name is not kept.
    assert Assessment.objects.filter(consent=True).count() == 1


@pytest.mark.parametrize(
    ("language", "title", "all_label"),
    [("tr", "ROTA sonuçları", "Tümü"), ("en", "ROTA results", "All")],
)
def test_the_admin_report_in_both_languages_never_shows_a_name_without_consent(
    client, page, language, title, all_label
):
    for values in ([5, 1], [3, 1], [4, 2]):
        make_assessment(page, values, province="06", organisation="Gizli Derneği")
    make_assessment(page, [2, 2], province="06", organisation="Açık Vakfı", consent=True)
    admin = User.objects.create_superuser("admin", "admin@example.org", "x")
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = language
    profile.save()
    client.force_login(admin)
    response = client.get("/admin/rota/results/", {"by": "province"})
    assert response.status_code == 200
    html = response.content.decode()
    assert title in html and all_label in html and "Ankara" in html
    assert "Alan 1" in html and "Açık Vakfı" in html
    assert "Gizli" not in html
    # The report is in the admin's Reports menu.
    assert "/admin/rota/results/" in client.get("/admin/").content.decode()


def test_the_report_needs_the_permission(client, page):
    editor = User.objects.create_user("editor", password="x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/rota/results/").status_code in (302, 403)
    editor.user_permissions.add(Permission.objects.get(codename="view_assessment"))
    editor = User.objects.get(pk=editor.pk)
    client.force_login(editor)
    assert client.get("/admin/rota/results/").status_code == 200


def test_the_team_erases_a_named_result(client, page):
    assessment = make_assessment(page, [3, 3], organisation="Açık Vakfı", consent=True)
    client.force_login(User.objects.create_superuser("admin", "a@example.org", "x"))
    response = client.post(f"/admin/rota/results/{assessment.pk}/erase/")
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.organisation == "" and assessment.anonymised_at is not None
    assert AreaScore.objects.count() == 2


def test_erase_keeps_anonymous_scores_and_kills_the_link(page):
    assessment = make_assessment(page, [3, 3], organisation="Örnek", consent=True)
    token = assessment.link_token
    services.erase(assessment)
    assert Assessment.from_token(token) is None
    assert reports.overall(page).rounds == 1
    assert reports.named_results(page) == []


def test_retention_erases_untouched_assessments(page):
    old = make_assessment(page, [3, 3], organisation="Eski", consent=True)
    recent = make_assessment(page, [3, 3], organisation="Yeni", consent=True)
    Assessment.objects.filter(pk=old.pk).update(updated_at=days_ago(400))
    out = io.StringIO()
    call_command("anonymise_assessments", "--days", "365", stdout=out)
    assert out.getvalue() == "1 assessment(s) erased.\n"
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.anonymised_at is not None and old.organisation == ""
    assert recent.anonymised_at is None and recent.organisation == "Yeni"
    assert services.anonymise_expired(datetime.timedelta(days=365)) == (0, [])


def test_retention_goes_on_past_a_row_that_fails_and_exits_1(page, monkeypatch):
    first = make_assessment(page, [3, 3], organisation="Bir", consent=True)
    second = make_assessment(page, [3, 3], organisation="İki", consent=True)
    Assessment.objects.update(updated_at=days_ago(400))
    erase = services.erase

    def failing(assessment):
        if assessment.pk == first.pk:
            raise RuntimeError("disk full")
        return erase(assessment)

    monkeypatch.setattr(services, "erase", failing)
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("anonymise_assessments", stdout=io.StringIO(), stderr=err)
    assert err.getvalue() == f"assessment {first.pk}: not erased (RuntimeError)\n"
    second.refresh_from_db()
    assert second.anonymised_at is not None


def count_queries(client, url, **params) -> int:
    for _warm in range(2):  # the first requests fill the site's caches
        client.get(url, params)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params).status_code == 200
    return len(queries)


def test_query_counts_stay_flat_as_assessments_grow(client, page):
    admin = User.objects.create_superuser("admin", "a@example.org", "x")
    mine = make_assessment(page, [3, 4], organisation="Açık Vakfı", consent=True, province="06")
    retake(page, mine, [4, 4])
    for values in ([5, 1], [3, 1], [4, 2]):
        make_assessment(page, values, province="06", organisation="Açık", consent=True)
    result = count_queries(client, "/tr/rota/result/", key=mine.link_token)
    client.force_login(admin)
    report = count_queries(client, "/admin/rota/results/")
    client.logout()
    for n in range(20):
        other = make_assessment(
            page,
            [n % 5 + 1, 2],
            province="35",
            legal_form="foundation",
            organisation=f"Vakıf {n}",
            consent=True,
        )
        retake(page, other, [3, 3])
    assert count_queries(client, "/tr/rota/result/", key=mine.link_token) == result
    client.force_login(admin)
    assert count_queries(client, "/admin/rota/results/") == report
