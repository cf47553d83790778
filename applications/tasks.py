"""Background work: e-mail delivery (django-tasks; immediate in dev and tests, the database
queue and `manage.py db_worker` in production)."""

from django_tasks import task


@task()
def deliver_application_email(email_id: int) -> str:
    from .services import deliver_email

    return deliver_email(email_id)
