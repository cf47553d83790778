"""Video and audio hosted elsewhere, shown without contacting the provider before consent.

A story page renders a placeholder with a link to the provider; for the providers the
content-security policy allows in frames (YouTube through youtube-nocookie.com, Vimeo) it also
carries the player address in a data attribute, which stories/js/media-consent.js turns into an
iframe only when the visitor clicks. Nothing in the initial HTML makes the browser fetch from
the provider.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlparse

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
VIMEO_ID = re.compile(r"^\d+$")


@dataclass(frozen=True)
class ExternalMedia:
    url: str  # where the link goes (the provider's own page)
    provider: str  # "YouTube", "Vimeo" or the host name
    embed_url: str = ""  # the player, loaded on click; empty when only a link is offered

    @property
    def can_embed(self) -> bool:
        return bool(self.embed_url)


def _youtube_id(parsed) -> str:
    host = parsed.hostname or ""
    if host == "youtu.be":
        candidate = parsed.path.lstrip("/").split("/")[0]
    elif parsed.path == "/watch":
        candidate = parse_qs(parsed.query).get("v", [""])[0]
    else:
        parts = parsed.path.strip("/").split("/")
        candidate = parts[1] if len(parts) > 1 and parts[0] in ("embed", "shorts", "live") else ""
    return candidate if YOUTUBE_ID.match(candidate) else ""


def external_media(url: str) -> ExternalMedia | None:
    """Describe a link to media hosted elsewhere; None when there is no (http) link."""
    if not url:
        return None
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        return None
    host = parsed.hostname.lower().removeprefix("www.").removeprefix("m.")
    if host in ("youtube.com", "youtu.be", "youtube-nocookie.com"):
        video_id = _youtube_id(parsed)
        if video_id:
            query = urlencode({"autoplay": 1, "rel": 0})
            return ExternalMedia(
                f"https://www.youtube.com/watch?v={video_id}",
                "YouTube",
                f"https://www.youtube-nocookie.com/embed/{video_id}?{query}",
            )
        return ExternalMedia(url, "YouTube")
    if host in ("vimeo.com", "player.vimeo.com"):
        video_id = parsed.path.strip("/").split("/")[-1]
        if VIMEO_ID.match(video_id):
            return ExternalMedia(
                f"https://vimeo.com/{video_id}",
                "Vimeo",
                f"https://player.vimeo.com/video/{video_id}?autoplay=1&dnt=1",
            )
        return ExternalMedia(url, "Vimeo")
    return ExternalMedia(url, host)
