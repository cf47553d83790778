from django import template
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()

DAY = "j F Y l"


def _time(moment, fmt: str) -> str:
    return format_html(
        '<time datetime="{}">{}</time>', moment.isoformat(), date_format(moment, fmt)
    )


@register.simple_tag
def event_time_range(event) -> str:
    """ "12 Mart 2026 Perşembe, 19:00–21:00" with machine-readable <time> elements."""
    start, end = timezone.localtime(event.start), timezone.localtime(event.end)
    if getattr(event, "all_day", False):
        if start.date() == end.date():
            return _time(start, DAY)
        return format_html("{} – {}", _time(start, DAY), _time(end, DAY))
    if start.date() == end.date():
        return format_html("{}, {}–{}", _time(start, DAY), _time(start, "H:i"), _time(end, "H:i"))
    return format_html(
        "{}, {} – {}, {}",
        _time(start, DAY),
        _time(start, "H:i"),
        _time(end, DAY),
        _time(end, "H:i"),
    )


@register.simple_tag(takes_context=True)
def filters_querystring(context, **changes) -> str:
    """The current filters (without the page number) as "?a=b", to carry them across months
    and views; `changes` set or (with None) drop a parameter: `when="past"`, `when=None`."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    for name, value in changes.items():
        if value is None:
            query.pop(name, None)
        else:
            query[name] = value
    return f"?{query.urlencode()}" if query else ""


@register.filter
def status_label(status: str) -> str:
    from events.choices import EventStatus

    return dict(EventStatus.choices).get(status, _("Scheduled"))
