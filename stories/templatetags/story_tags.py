"""Template tags of the stories' templates."""

from django import template
from wagtail.images.models import AbstractImage, AbstractRendition, Filter
from wagtail.images.shortcuts import get_rendition_or_not_found

register = template.Library()

# One Filter per spec and kind of file (SVG or not): a Filter parses its operations once.
# The specs are the templates' own, so this stays small.
_filters: dict[tuple[str, bool], Filter] = {}


def _filter(image: AbstractImage, spec: str) -> Filter:
    key = (spec, image.is_svg())
    if key not in _filters:
        _filters[key] = image.clean_filter_for_svg(Filter(spec=spec))
    return _filters[key]


@register.simple_tag
def rendition(image: AbstractImage, spec: str) -> AbstractRendition:
    """`{% image image spec as name %}` for the images of a list of cards (the specs joined
    by "|"): the same rendition, found among the renditions prefetched with the images,
    without parsing the spec again or writing the rendition back to the renditions cache
    as Wagtail's tag does for every image it shows."""
    wanted = _filter(image, spec)
    found = image.find_existing_renditions(wanted).get(wanted)
    return found if found is not None else get_rendition_or_not_found(image, wanted)
