from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from core.provinces import sorted_province_choices
from core.widgets import CachedSelect

from .media import external_media

AUDIO_EXTENSIONS = (".mp3", ".m4a", ".ogg", ".oga")
VIDEO_EXTENSIONS = (".mp4", ".webm")
CAPTION_EXTENSIONS = (".vtt",)


class StoryPageForm(WagtailAdminPageForm):
    """Offers the themes of the page's language, and checks that each media field holds the
    kind of file the page can play."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields.get("themes")
        if field is None:
            return
        # The page's language (a new page takes its parent's); themes already chosen stay
        # offered, so that saving never drops one.
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        chosen = [theme.pk for theme in self.instance.themes.all()] if self.instance.pk else []
        field.queryset = field.queryset.filter(Q(locale_id=locale_id) | Q(pk__in=chosen))

    def clean(self):
        cleaned = super().clean()
        for name, extensions, message in [
            ("audio_file", AUDIO_EXTENSIONS, _("Choose an MP3, M4A or Ogg audio file.")),
            ("video_file", VIDEO_EXTENSIONS, _("Choose an MP4 or WebM video file.")),
            ("captions_file", CAPTION_EXTENSIONS, _("Choose a WebVTT (.vtt) captions file.")),
        ]:
            document = cleaned.get(name)
            if document and not document.file.name.lower().endswith(extensions):
                self.add_error(name, message)
        if cleaned.get("captions_file") and not (
            cleaned.get("audio_file") or cleaned.get("video_file")
        ):
            self.add_error("captions_file", _("Captions need a video or audio file."))
        video_url = cleaned.get("video_url")
        if video_url and not external_media(video_url).can_embed:
            self.add_error(
                "video_url",
                _("Give the address of one YouTube or Vimeo video (not a channel or a list)."),
            )
        return cleaned


class FilterSelect(CachedSelect):
    """The CachedSelect of an optional filter. Its field is never required, so it never
    has a `required` attribute: Django would build every option to learn whether the
    first is empty before asking the field."""

    def use_required_attribute(self, initial) -> bool:
        return False


class KnownChoiceField(forms.TypedChoiceField):
    """A choice field that checks a value against the set of values offered (`known`)
    rather than by walking its choices, and shows them with a CachedSelect: the events
    stories were told at grow with the archive, and neither checking nor showing them
    should."""

    widget = FilterSelect

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.known: frozenset[str] = frozenset()

    def valid_value(self, value) -> bool:
        return str(value) in self.known


class StoryFilterForm(forms.Form):
    """The archive filters: a plain GET form whose state lives in the URL. Each value that
    is not understood is ignored on its own; the others still apply.

    Its choices are computed when the options are first shown (`cache_key`, which carries
    the content generation and the language, keys their markup; see CachedSelect)."""

    province = KnownChoiceField(label=_("Province"), required=False)
    theme = KnownChoiceField(label=_("Theme"), required=False)
    year = KnownChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    event = KnownChoiceField(label=_("Told at"), required=False, coerce=int, empty_value=None)

    def __init__(
        self,
        data,
        *,
        provinces,
        themes,
        years,
        events,
        known: dict[str, frozenset[str]] | None = None,
        cache_key: str = "",
        **kwargs,
    ):
        super().__init__(data, **kwargs)
        offered = {
            "province": lambda: [
                ("", _("All provinces")),
                *[(code, label) for code, label in sorted_province_choices() if code in provinces],
            ],
            "theme": lambda: [("", _("All themes")), *[(t.slug, t.name) for t in themes]],
            "year": lambda: [("", _("All years")), *[(year, str(year)) for year in years]],
            "event": lambda: [("", _("All events")), *events],
        }
        if known is None:
            known = known_values(provinces=provinces, themes=themes, years=years, events=events)
        for name, choices in offered.items():
            field = self.fields[name]
            field.choices = choices  # a callable: built only if the options are rendered
            field.known = known[name]
            field.widget.cache_key = f"{cache_key}:{name}" if cache_key else ""

    def filters(self) -> dict:
        """The valid filters (cleaned_data keeps only the fields that validated)."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


def known_values(*, provinces, themes, years, events) -> dict[str, frozenset[str]]:
    """The values each filter accepts, as strings (what a query string holds)."""
    return {
        "province": frozenset(provinces),
        "theme": frozenset(theme.slug for theme in themes),
        "year": frozenset(str(year) for year in years),
        "event": frozenset(str(pk) for pk, _title in events),
    }
