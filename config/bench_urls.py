"""The bench's URLconf (config.settings.bench): the site's URLs plus the framework ceiling
and the floor of a Wagtail page.

It lives here, beside the site's, because config is the wiring top that may import every
app (bench included) and nothing imports config.
"""

from django.urls import path

from bench.views import ceiling, floor
from config.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    path("bench/ceiling/", ceiling, name="bench_ceiling"),
    path("bench/floor/", floor, name="bench_floor"),
    *site_urlpatterns,
]
