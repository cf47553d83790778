import datetime

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.widgets import AdminDateInput

from core.provinces import sorted_province_choices
from core.widgets import FastSelect

from . import recurrence as series_dates
from .choices import AccessibilityProvision, AttendanceMode, EventStatus, EventType


class EventPageForm(WagtailAdminPageForm):
    """Cross-field rules every event page shares."""

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end <= start:
            self.add_error("end", _("The end must be after the start."))
        mode = cleaned.get("attendance_mode")
        if mode in (AttendanceMode.ONLINE, AttendanceMode.HYBRID) and not cleaned.get("online_url"):
            self.add_error("online_url", _("Give the link for joining online."))
        return cleaned


# The date select offers the series' dates from this long ago to this far ahead.
DATE_CHOICES_PAST = datetime.timedelta(days=92)
DATE_CHOICES_AHEAD = datetime.timedelta(days=550)


def series_date_choices(page, now: datetime.datetime | None = None) -> list[datetime.date]:
    """The dates a change can be made to: the saved rule's dates around today."""
    if not (page.pk and page.start):
        return []
    now = now or timezone.now()
    ahead = max(now, page.start) + DATE_CHOICES_AHEAD
    moments = series_dates.expand(page.recurrences, page.start, now - DATE_CHOICES_PAST, ahead)
    return [moment.date() for moment in moments]


class OccurrenceChangeForm(WagtailAdminModelForm):
    """One change to a series' date: the date is picked among the series' own dates."""

    def __init__(self, *args, series_dates: list[datetime.date] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if not series_dates or "date" not in self.fields:
            return  # a new series: the date is typed, then checked against the rule
        current = self.initial.get("date") or getattr(self.instance, "date", None)
        dates = sorted({*series_dates, *([current] if current else [])})
        self.fields["date"].widget = forms.Select(
            choices=[
                ("", "---------"),
                *((day.isoformat(), date_format(day, "DATE_FORMAT")) for day in dates),
            ]
        )


class SeriesPageForm(EventPageForm):
    @cached_property
    def series_dates(self) -> list[datetime.date]:
        """Passed to each date change's form (events.panels.DateChangesPanel)."""
        return series_date_choices(self.instance)

    def clean(self):
        cleaned = super().clean()
        start, rule = cleaned.get("start"), cleaned.get("recurrences")
        if start and rule is not None and not series_dates.has_any_date(rule, start):
            self.add_error(
                "recurrences",
                _("This rule gives no date after the first meeting. Check its days and its end."),
            )
        if start and rule is not None and "date_changes" in self.formsets:
            self.clean_date_changes(start, rule)
        return cleaned

    def clean_date_changes(self, start, rule) -> None:
        end = start.replace(year=start.year + 10)
        dates = {moment.date() for moment in series_dates.expand(rule, start, start, end)}
        seen: set[datetime.date] = set()
        for form in self.formsets["date_changes"].forms:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            date = form.cleaned_data.get("date")
            if date and date not in dates:
                form.add_error("date", _("The series has no meeting on this date."))
            elif date and date in seen:
                form.add_error(
                    "date", _("This date already has a change: keep one change per date.")
                )
            seen.add(date)
            status = form.cleaned_data.get("status")
            if status == EventStatus.RESCHEDULED and not form.cleaned_data.get("new_start"):
                form.add_error("new_start", _("Give the new date and time."))
            new_start, new_end = (
                form.cleaned_data.get("new_start"),
                form.cleaned_data.get("new_end"),
            )
            if new_start and new_end and new_end <= new_start:
                form.add_error("new_end", _("The end must be after the start."))


class EventFilterForm(forms.Form):
    """The listing and calendar filters: a plain GET form whose state lives in the URL."""

    WHEN_UPCOMING, WHEN_PAST = "upcoming", "past"
    # What narrows the list (`when` chooses a view, the view switch above shows it).
    FILTERS = ("on", "type", "province", "year", "access", "online")

    when = forms.ChoiceField(
        label=_("When"),
        choices=[(WHEN_UPCOMING, _("Upcoming")), (WHEN_PAST, _("Past events"))],
        required=False,
        widget=FastSelect,
    )
    # A date input sends ISO dates; so do the calendar's "+N more" links.
    on = forms.DateField(
        label=_("Day"),
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(
            format="%Y-%m-%d", attrs={"type": "date", "min": "2000-01-01", "max": "2100-12-31"}
        ),
        error_messages={"invalid": _("Enter the day as year-month-day, e.g. 2026-11-12.")},
    )
    type = forms.ChoiceField(
        label=_("Type"),
        choices=[("", _("All types")), *EventType.choices],
        required=False,
        widget=FastSelect,
    )
    province = forms.ChoiceField(
        label=_("Province"),
        choices=[("", _("All provinces")), *sorted_province_choices()],
        required=False,
        widget=FastSelect,
    )
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)
    access = forms.ChoiceField(
        label=_("Accessibility"),
        choices=[("", _("Any")), *AccessibilityProvision.choices],
        required=False,
        widget=FastSelect,
    )
    online = forms.BooleanField(label=_("Online or hybrid only"), required=False)

    def clean_on(self) -> datetime.date | None:
        day = self.cleaned_data.get("on")
        # The calendar's years; far dates would also overflow the time zone arithmetic.
        if day and not 2000 <= day.year <= 2100:
            raise forms.ValidationError(_("Choose a day between 2000 and 2100."))
        return day

    def filter(self, occurrences):
        """Apply the valid filters; invalid values are ignored (and reported by the form).
        The day is not among them: the listing applies it (`calendar.on_day`), the calendar
        shows the whole month."""
        self.is_valid()  # cleaned_data keeps the fields that validated, and only those
        data = self.cleaned_data
        if data.get("type"):
            occurrences = occurrences.filter(event_type=data["type"])
        if data.get("province"):
            occurrences = occurrences.filter(province=data["province"])
        if data.get("year"):
            occurrences = occurrences.filter(start__year=data["year"])
        if data.get("access"):
            occurrences = occurrences.with_provision(data["access"])
        if data.get("online"):
            occurrences = occurrences.filter(is_online=True)
        return occurrences

    @property
    def is_active(self) -> bool:
        """A filter is chosen (or one was not understood): the folded form opens to show it."""
        self.is_valid()
        chosen = self.cleaned_data.get
        return bool(self.errors) or any(chosen(name) for name in self.FILTERS)

    @property
    def day(self) -> datetime.date | None:
        """The chosen day (the listing's `?on=`); the calendar ignores it."""
        self.is_valid()
        return self.cleaned_data.get("on")

    @property
    def wants_past(self) -> bool:
        # A chosen day shows all its dates, past and upcoming: `when` has nothing to add.
        return self.day is None and self.cleaned_data.get("when") == self.WHEN_PAST

    @property
    def has_filters(self) -> bool:
        """Whether a filter narrows the dates (what "Clear filters" takes away); the time
        (`when`, `on`) is the view, not a filter."""
        self.is_valid()
        return any(
            self.cleaned_data.get(name) for name in self.fields if name not in ("when", "on")
        )


class FestivalPageForm(EventPageForm):
    """A festival's call for stands: dates in order, stand types adding up to the stands."""

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("applications_open"), cleaned.get("applications_close")
        if opens and closes and closes <= opens:
            self.add_error("applications_close", _("Applications must close after they open."))
        if (opens or closes) and not cleaned.get("stands"):
            self.add_error("stands", _("Give the number of stands offered."))
        if "stand_types" in self.formsets and cleaned.get("stands"):
            counts = [
                form.cleaned_data.get("count") or 0
                for form in self.formsets["stand_types"].forms
                if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
            ]
            if counts and sum(counts) != cleaned["stands"]:
                self.add_error(
                    "stands",
                    _("The stand types add up to %(sum)d stands, not %(stands)d.")
                    % {"sum": sum(counts), "stands": cleaned["stands"]},
                )
        if "sessions" in self.formsets:
            for form in self.formsets["sessions"].forms:
                if not form.is_valid() or form.cleaned_data.get("DELETE"):
                    continue
                start, end = form.cleaned_data.get("start"), form.cleaned_data.get("end")
                if start and end and end <= start:
                    form.add_error("end", _("The end must be after the start."))
                elif start and end:
                    self.check_session_within_festival(form, start, end, cleaned)
        return cleaned

    @staticmethod
    def check_session_within_festival(form, start, end, cleaned) -> None:
        """A session takes place on one of the festival's days (Istanbul time)."""
        first, last = cleaned.get("start"), cleaned.get("end")
        if not first or not last:
            return
        days = (timezone.localtime(first).date(), timezone.localtime(last).date())
        if timezone.localtime(start).date() < days[0] or timezone.localtime(end).date() > days[1]:
            form.add_error(
                "start",
                _("A session takes place during the festival, from %(first)s to %(last)s.")
                % {"first": date_format(days[0], "j F Y"), "last": date_format(days[1], "j F Y")},
            )


# A range cancels at most a year of meetings at once.
LONGEST_CANCELLED_RANGE = datetime.timedelta(days=366)


class CancelDatesForm(forms.Form):
    """Cancel a series' meetings over a range of days (a holiday, a closure), one reason."""

    first = forms.DateField(label=_("From"), widget=AdminDateInput)
    last = forms.DateField(label=_("Until (included)"), widget=AdminDateInput)
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        help_text=_("Shown with each cancelled date, e.g. “Closed for the Bayram holiday”."),
    )

    def __init__(self, *args, series, **kwargs):
        super().__init__(*args, **kwargs)
        self.series = series

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("first"), cleaned.get("last")
        if not (first and last):
            return cleaned
        if last < first:
            self.add_error("last", _("The range must end on or after its first day."))
        elif last - first > LONGEST_CANCELLED_RANGE:
            self.add_error("last", _("Cancel at most a year of meetings at once."))
        elif not series_dates.dates_between(
            self.series.recurrences, self.series.start, first, last
        ):
            self.add_error("last", _("The series has no meeting between these days."))
        return cleaned
