"""Background work of the search: counting queries for the admin's report off the request
(three writes to Wagtail's query log would otherwise be made while the visitor waits)."""

from django_tasks import task


@task()
def log_search(text: str, language: str) -> None:
    from .services import log_query

    log_query(text, language)
