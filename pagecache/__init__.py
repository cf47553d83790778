"""Full-page cache of anonymous page views, shared by every app server through the cache.

See `middleware.py` for what is cached and `core.versions` for when it is invalidated.
"""
