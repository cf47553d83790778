from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import EventFields, PowerStoriesEventPage, Venue, event_page_models
from .services import remove_occurrences, sync_occurrences, sync_subtree_occurrences


@receiver(page_published)
def sync_on_publish(sender, instance, **kwargs):
    if isinstance(instance.specific, EventFields):
        sync_occurrences(instance)


@receiver(page_unpublished)
def remove_on_unpublish(sender, instance, **kwargs):
    remove_occurrences(instance)


@receiver(post_page_move)
def sync_on_move(sender, instance, **kwargs):
    # A page moved out of (or back into) the live tree may have changed visibility.
    if isinstance(instance.specific, EventFields):
        sync_occurrences(instance)


@receiver(post_save, sender=Venue)
def sync_on_venue_change(sender, instance, **kwargs):
    for model in event_page_models():
        for page in model.objects.live().filter(venue=instance):
            sync_occurrences(page)
    for page in PowerStoriesEventPage.objects.live().filter(performances__venue=instance):
        sync_occurrences(page)


@receiver(post_save, sender=PageViewRestriction)
def sync_on_privacy_set(sender, instance, **kwargs):
    # A restricted page and every page under it leave the listings, the calendar and the
    # feeds.
    sync_subtree_occurrences(instance.page)


@receiver(post_delete, sender=PageViewRestriction)
def sync_on_privacy_lifted(sender, instance, origin=None, **kwargs):
    # Lifting the restriction brings them back; not when the restriction goes with its page
    # (the page's deletion removes its dates).
    origin_model = origin.model if isinstance(origin, QuerySet) else type(origin)
    if not issubclass(origin_model, Page):
        sync_subtree_occurrences(instance.page)
