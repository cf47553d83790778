"""A filtered listing with nothing to show offers a way out, not an empty page and a feed
of nothing."""

from demo.builders import make_event, make_venue


def empty_state(html: str) -> str:
    start = html.index('<div class="empty"')
    return html[start : html.index("</div>", start)]


def test_an_empty_filtered_listing_offers_clear_filters_and_past_events(client, index):
    make_event(index, title="Van", venue=make_venue())
    html = client.get("/tr/etkinlikler/?province=01&type=meeting").content.decode()
    state = empty_state(html)
    assert 'href="/tr/etkinlikler/"' in state  # clear filters
    assert 'href="/tr/etkinlikler/?province=01&amp;type=meeting&amp;when=past"' in state
    assert 'class="feed-links"' not in html  # no "subscribe" to nothing


def test_an_empty_past_listing_offers_every_past_event_and_the_upcoming_ones(client, index):
    make_event(index, title="Van", venue=make_venue())
    state = empty_state(client.get("/en/events/?when=past&province=01").content.decode())
    assert 'href="/en/events/?when=past"' in state
    assert 'href="/en/events/?province=01"' in state


def test_an_empty_listing_without_filters_offers_no_clearing(client, index):
    html = client.get("/en/events/").content.decode()
    state = empty_state(html)
    assert 'href="/en/events/"' not in state
    assert 'href="/en/events/?when=past"' in state
    assert 'class="feed-links"' in html  # new events may come: following it is useful
