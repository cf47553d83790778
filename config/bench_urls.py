"""The bench's URLconf (config.settings.bench): the site's URLs plus the framework ceiling.

It lives here, beside the site's, because config is the wiring top that may import every
app (bench included) and nothing imports config.
"""

from django.urls import path

from bench.views import ceiling
from config.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("bench/ceiling/", ceiling, name="bench_ceiling"), *site_urlpatterns]
