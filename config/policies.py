"""The Permissions-Policy (sent by django-permissions-policy) and the two content-security
policies (public pages, the Wagtail admin), built in one place for every settings module:
development and the tests run the same policies as production, which only adds the origins
its environment names."""

from django.conf import settings

SELF = "'self'"
# Video embeds (click to load on story pages) come from these providers.
EMBEDS = ["https://www.youtube-nocookie.com", "https://www.youtube.com", "https://player.vimeo.com"]

PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}
# Video embeds ask for fullscreen and picture-in-picture.
# django-permissions-policy quotes the origins itself.
PERMISSIONS_POLICY["fullscreen"] = ["self", "https://www.youtube-nocookie.com"]


def content_security_policies(
    media: list[str] | None = None,
    extra: dict[str, list[str]] | None = None,
    upgrade_insecure_requests: bool = False,
) -> tuple[dict, dict]:
    """django-csp 4 settings: (CONTENT_SECURITY_POLICY, STGM_ADMIN_CONTENT_SECURITY_POLICY).

    Public pages: scripts and styles only from our own origin, no inline script, no eval;
    images and media also from the media host. The Wagtail admin (editors only, behind a
    login): Wagtail 8's own templates still render inline <script> (date pickers, inline
    panels, wagtail-localize's editor) and inline styles, its accessibility checker compiles
    templates at run time, it previews pages in a same-origin frame (only the preview views
    may be framed, by the admin itself) and shows images from blob: URLs while uploading;
    everything else stays as strict as the public policy.
    `extra` adds origins per directive ("script-src": [...]).
    """
    media = media or []
    extra = extra or {}
    public = {
        "default-src": [SELF],
        "script-src": [SELF, *extra.get("script-src", [])],
        "style-src": [SELF, *extra.get("style-src", [])],
        "img-src": [SELF, "data:", *media, *extra.get("img-src", [])],
        "media-src": [SELF, *media],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [*EMBEDS, *extra.get("frame-src", [])],
        "object-src": ["'none'"],
        "base-uri": [SELF],
        "form-action": [SELF],
        # 'self' on the responses that say X-Frame-Options: SAMEORIGIN (config/security.py).
        "frame-ancestors": ["'none'"],
        "upgrade-insecure-requests": upgrade_insecure_requests,
    }
    admin = {
        **public,
        "script-src": [SELF, "'unsafe-inline'", "'unsafe-eval'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:", *media, *extra.get("img-src", [])],
        "frame-src": [SELF, *EMBEDS, *extra.get("frame-src", [])],
    }
    return {"DIRECTIVES": public}, {"DIRECTIVES": admin}


def static_file_headers(headers, path: str, url: str) -> None:
    """WhiteNoise's `WHITENOISE_ADD_HEADERS_FUNCTION`: the static files' resource policy."""
    policy = settings.STGM_STATIC_CROSS_ORIGIN_RESOURCE_POLICY
    if policy:
        headers["Cross-Origin-Resource-Policy"] = policy
