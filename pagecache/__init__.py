"""Full-page cache of anonymous page views, shared by every app server through the cache.

See `middleware.py` for what is cached, `core.versions` for when it is invalidated (its
generations), `core.caching` for how apps mark views and add purge URLs, and `frontend.py`
for purging a CDN in front.
"""
