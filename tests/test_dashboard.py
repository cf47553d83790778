"""The editors' dashboard shows upcoming events and pages that still need a translation."""

from demo.builders import aware, make_event, make_events_index, make_standard_page


def test_dashboard_lists_upcoming_events_and_untranslated_pages(admin_client, home):
    index = make_events_index(home)
    make_event(index, title="Van buluşması", start=aware(2099, 1, 1), end=aware(2099, 1, 1, 12))
    make_standard_page(home, title="Yalnız Türkçe sayfa", slug="yalniz")
    html = admin_client.get("/admin/").content.decode()
    assert "Van buluşması" in html
    assert "Yalnız Türkçe sayfa" in html
    assert "Ana sayfa</a>" not in html.split("untranslated-heading")[1]  # home is translated
