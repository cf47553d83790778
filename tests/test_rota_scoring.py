"""ROTA's scoring and banding functions, and reading a result (pure functions)."""

import pytest

from demo.rota import make_rota_page
from rota.blocks import Band
from rota.scoring import area_percent, band_for, change, read_result, scores_from_answers


@pytest.mark.parametrize(
    ("values", "levels", "expected"),
    [
        ([1, 1, 1], 5, 0),
        ([5, 5], 5, 100),
        ([3], 5, 50),
        ([1, 2], 5, 12),  # mean 1.5 -> 12.5, rounded to even
        ([2, 3, 4, 4], 5, 56),
        ([2], 3, 50),
        ([], 5, None),
        ([3], 1, None),
    ],
)
def test_area_percent(values, levels, expected):
    assert area_percent(values, levels) == expected


@pytest.mark.parametrize(
    ("percent", "expected"),
    [
        (0, Band.STARTING),
        (39, Band.STARTING),
        (40, Band.DEVELOPING),
        (69, Band.DEVELOPING),
        (70, Band.STRONG),
        (100, Band.STRONG),
    ],
)
def test_band_for(percent, expected):
    assert band_for(percent, developing_from=40, strong_from=70) == expected


def test_change():
    assert change(60, 45) == 15
    assert change(30, 45) == -15
    assert change(30, None) is None


@pytest.mark.django_db
def test_read_result_bands_prescriptions_strengths_and_change(home):
    page = make_rota_page(home, areas=4, statements=2)
    keys = [area.key for area in page.area_list()]
    result = read_result(
        page,
        {keys[0]: 100, keys[1]: 55, keys[2]: 10, keys[3]: 30},
        {keys[0]: 80, keys[2]: 20},
    )
    assert [a.band for a in result.areas] == ["strong", "developing", "starting", "starting"]
    assert [a.title for a in result.strengths] == ["Alan 1"]
    assert [a.title for a in result.to_improve] == ["Alan 3", "Alan 4"]
    assert [p["title"] for p in result.areas[2].prescriptions] == ["Alan 3: starting"]
    assert [a.change for a in result.areas] == [20, None, -10, None]
    assert result.has_previous


@pytest.mark.django_db
def test_with_no_starting_area_the_weakest_developing_one_is_to_improve(home):
    page = make_rota_page(home, areas=3, statements=1)
    keys = [area.key for area in page.area_list()]
    result = read_result(page, {keys[0]: 90, keys[1]: 60, keys[2]: 45})
    assert [a.title for a in result.to_improve] == ["Alan 3"]
    assert not result.has_previous


@pytest.mark.django_db
def test_scores_from_answers_ignore_statements_the_page_no_longer_has(home):
    page = make_rota_page(home, areas=2, statements=2)
    first, second = page.area_list()
    answers = [(s.key, 5) for s in first.statements] + [("gone", 1), (second.statements[0].key, 3)]
    assert scores_from_answers(page, answers) == {first.key: 100, second.key: 50}
