"""The benchmark: `make bench` (`python -m bench`). See bench/RESULTS.md.

- cli: the command line (`python -m bench`), dispatching to run, soak or prepare;
- env: paths, the processes' environment, the call into Django (`bench.content`);
- database: the bench database of each scale, SQLite and PostgreSQL, built or reused;
- server: gunicorn with config.settings.bench;
- load, probe: wrk runs with their Lua scripts (warm-up, then measured), single requests;
- measure: one URL measured and judged against the targets;
- run, soak: the table passes, and the memory soak;
- report: the tables and the results files; summary: scale 1 and scale 10 side by side;
- reference, sidebyside: the reference site's processes, and our pages beside its pages;
- more_targets: the targets of generators not listed in bench.generators (filtered feeds);
- content, generators/: inside Django, the content at scale and the URLs to measure;
- compare, profile: query counts of two runs; where an uncached request spends its time;
- middleware, views: the query counter and the framework-ceiling view.
"""
