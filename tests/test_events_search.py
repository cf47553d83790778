"""Events found by the site search show when they happen."""

from tests.builders import aware, make_event, make_events_index


def test_event_search_result_shows_its_date(client, home):
    index = make_events_index(home)
    make_event(index, title="Güçlü Sivil Toplum Buluşması – Van", start=aware(2030, 3, 12, 10))
    html = client.get("/tr/search/?q=van").content.decode()
    assert "Güçlü Sivil Toplum Buluşması – Van" in html
    assert '<time datetime="2030-03-12T10:00:00+03:00">12 Mart 2030, Salı 10:00</time>' in html
