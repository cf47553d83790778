from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import EVENT_PAGE_MODELS, EventFields, PowerStoriesEventPage, Venue
from .services import remove_occurrences, sync_occurrences


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
    for model in EVENT_PAGE_MODELS:
        for page in model.objects.live().filter(venue=instance):
            sync_occurrences(page)
    for page in PowerStoriesEventPage.objects.live().filter(performances__venue=instance):
        sync_occurrences(page)
