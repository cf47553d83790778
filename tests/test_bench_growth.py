"""`python -m bench --growth` (bench/growth.py): scale 1 and scale 10 served side by side,
each page measured alternately on both, its growth judged. No timing: fake figures."""

import pytest

from bench.cli import parse_args
from bench.growth import END, START, alternate_scales, growth_markdown, page_growth
from bench.report import update_block


def run(cpu_ms: float, requests: int = 100) -> dict:
    return {"cpu_ms": cpu_ms, "requests": requests, "status": 200}


def test_each_page_is_measured_alternately_on_the_small_and_the_large_site():
    calls = []

    def on(side: str):
        def measure(target: dict) -> dict:
            calls.append((side, target["path"]))
            return run(5.0)

        return measure

    small = {"home": {"path": "/tr/"}, "archive": {"path": "/tr/hikayeler/?theme=a"}}
    large = {"home": {"path": "/tr/"}, "listing": {"path": "/tr/etkinlikler/"}}
    pages = alternate_scales(small, large, 2, on("small"), on("large"))
    assert calls == [("small", "/tr/"), ("large", "/tr/"), ("small", "/tr/"), ("large", "/tr/")]
    assert [page["name"] for page in pages] == ["home", "listing", "archive"]
    assert len(pages[0]["small"]) == len(pages[0]["large"]) == 2
    assert page_growth(pages[1])["check"] == "measured at the large scale only"
    assert page_growth(pages[2])["check"] == "measured at the small scale only"


def test_growth_is_all_the_cpu_over_all_the_requests_of_each_side():
    page = {
        "name": "listing",
        "small": [run(8.0, 100), run(10.0, 300)],  # 9.5 ms a request over both runs
        "large": [run(10.0, 200), run(11.0, 200)],  # 10.5
    }
    figures = page_growth(page)
    assert figures["small_ms"] == pytest.approx(9.5)
    assert figures["large_ms"] == pytest.approx(10.5)
    assert figures["growth"] == pytest.approx(10.5 / 9.5 - 1)
    assert figures["check"] == "growth +11% > +10%"
    assert figures["small_range"] == (8.0, 10.0)

    page["large"] = [run(10.4, 100)]
    assert page_growth(page)["check"] == "ok"
    page["work_small"] = {"calls": 20000, "queries": 2.0, "sqlite_steps": 100}
    page["work_large"] = {"calls": 20100, "queries": 2.0, "sqlite_steps": 400}
    assert page_growth(page)["check"] == "sqlite steps +300% > +10%"
    page["work_large"] = {"calls": 23000, "queries": 2.0, "sqlite_steps": None}
    assert page_growth(page)["check"] == "calls +15% > +10%"
    page["large"] = [{"cpu_ms": None, "requests": 0}]
    assert page_growth(page)["check"] == "no CPU figure on one side; calls +15% > +10%"


def test_the_growth_table_and_its_block_in_the_results_file(tmp_path):
    report = {
        "command": "python -m bench --growth --scale 10",
        "started": "2026-12-06 00:30 UTC",
        "machine": {"cpu": "2 cores"},
        "scales": [1.0, 10.0],
        "rounds": 2,
        "runs": [
            {
                "database": "sqlite",
                "load_start": [1.0, 1.0, 1.0],
                "load_end": [2.0, 1.0, 1.0],
                "pages": [
                    {
                        "name": "meeting (tr)",
                        "small_path": "/tr/etkinlikler/bulusma-1/",
                        "large_path": "/tr/etkinlikler/bulusma-1/",
                        "small": [run(7.0), run(7.2)],
                        "large": [run(7.4), run(7.6)],
                        "work_small": {"calls": 17225, "queries": 2.0, "sqlite_steps": 160},
                        "work_large": {"calls": 17160, "queries": 2.0, "sqlite_steps": 160},
                    }
                ],
            }
        ],
    }
    table = growth_markdown(report)
    row = "| meeting (tr) `/tr/etkinlikler/bulusma-1/` | 7.1 (7.0–7.2) | 7.5 (7.4–7.6) | +6% | "
    assert row + "17,225 → 17,160 | 2 → 2 | 160 → 160 | ok |" in table
    assert "| growth | Python calls | SQL queries | SQLite steps | check |" in table

    results = tmp_path / "RESULTS.md"
    results.write_text("# Bench\n")
    update_block(table, START, END, results)
    update_block("again", START, END, results)
    assert results.read_text() == f"# Bench\n\n{START}\nagain\n{END}\n"


def test_growth_needs_two_scales_and_a_run_of_each(capsys):
    assert parse_args(["--growth", "--scale", "10"]).growth_from == 1.0
    with pytest.raises(SystemExit):
        parse_args(["--growth", "--scale", "1"])
    with pytest.raises(SystemExit):
        parse_args(["--growth", "--scale", "10", "--growth-rounds", "0"])
    assert "--growth compares two scales" in capsys.readouterr().err


@pytest.mark.django_db
def test_the_work_of_a_request_is_counted_not_timed(client, home):
    from django.db import connection

    from bench.calls import counts

    home_page = {"name": "home", "path": "/tr/", "method": "GET"}
    first, again = counts(client, home_page), counts(client, home_page)
    # Counts, the same whatever the machine does (a lazy cache may add a call or two).
    assert abs(again["calls"] - first["calls"]) <= first["calls"] / 100
    assert (again["queries"], again["sqlite_steps"]) == (first["queries"], first["sqlite_steps"])
    assert first["status"] == 200 and first["calls"] > 1000
    if connection.vendor == "sqlite":
        assert first["sqlite_steps"] > 0
    else:
        assert first["sqlite_steps"] is None


@pytest.mark.django_db
def test_a_post_is_counted_with_a_new_organisation_each_time(client, home):
    from urllib.parse import urlencode

    from applications.models import StandApplication
    from bench.calls import COUNTED, WARM_UP, counts
    from demo.builders import application_fields, make_events_index, make_festival

    festival = make_festival(make_events_index(home), stands=50)
    fields = {**application_fields(), "consent": "on"}
    fields.update(organisation="Bench Derneği {n}", email="bench{n}@example.org")
    target = {
        "name": "stand application",
        "path": f"{festival.url}{festival.reverse_subpage('apply')}",
        "method": "POST",
        "body": urlencode(fields, doseq=True, safe="{}"),
        "headers": {"Content-Type": "application/x-www-form-urlencoded"},
    }
    found = counts(client, target)
    assert found["status"] == 303  # accepted: on to the applicant's status page
    assert StandApplication.objects.filter(festival=festival).count() == WARM_UP + COUNTED
    assert found["queries"] > 5
