"""Themes of stories, shared by the two languages through their translation key."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
)
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from core.turkish import turkish_slugify
from core.versions import content_generation, versioned_get_or_set


class ThemeQuerySet(models.QuerySet):
    def in_locale(self, locale: Locale | int) -> ThemeQuerySet:
        return self.filter(locale_id=getattr(locale, "pk", locale))

    def used_by(self, stories: models.QuerySet, locale: Locale | int) -> ThemeQuerySet:
        """This language's themes that at least one of `stories` carries (in any language:
        a translated story may still point at the source language's themes)."""
        keys = Theme.objects.filter(stories__in=stories.order_by().values("pk")).values(
            "translation_key"
        )
        return self.in_locale(locale).filter(translation_key__in=keys).order_by("name")


class Theme(TranslatableMixin, models.Model):
    """A theme of the stories taxonomy, translated like any snippet (not a free tag)."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        blank=True,
        help_text=_(
            "Used in the archive's filter addresses, the same in every language. "
            "Filled in from the name if left empty."
        ),
    )
    description = models.TextField(_("description"), blank=True)

    objects = ThemeQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    override_translatable_fields = [SynchronizedField("slug", overridable=False)]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = turkish_slugify(self.name)[:100]
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        if not self.slug:
            self.slug = turkish_slugify(self.name)[:100]
        clash = Theme.objects.filter(slug=self.slug, locale_id=self.locale_id)
        if self.locale_id and clash.exclude(pk=self.pk).exists():
            raise ValidationError({"slug": _("Another theme already uses this slug.")})


def theme_lookup(locale: Locale | int) -> dict:
    """{translation_key: Theme} for every theme of one language (the taxonomy is small), to
    show linked themes in that language. Cached until a theme, or any page, changes (the
    content generation, which saving a theme bumps)."""
    locale_id = getattr(locale, "pk", locale)
    key = f"theme-lookup:{content_generation()}:{locale_id}"

    def compute() -> dict:
        return {theme.translation_key: theme for theme in Theme.objects.in_locale(locale_id)}

    return versioned_get_or_set(key, compute)


def localize_themes(themes, by_key: dict) -> list[Theme]:
    """`themes` shown in the language of `by_key` (see theme_lookup), the linked theme
    itself when it has no translation there."""
    localized = {by_key.get(theme.translation_key, theme) for theme in themes}
    return sorted(localized, key=lambda theme: theme.name)
