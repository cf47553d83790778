"""Testimonials are attributed by role: `person` becomes `attribution`, and the organisation
joins it ("person, organisation") so that no existing credit is lost."""

from django.db import migrations, models


def fold_organisation(apps, schema_editor):
    Testimonial = apps.get_model("stories", "Testimonial")
    for testimonial in Testimonial.objects.exclude(organisation=""):
        testimonial.attribution = f"{testimonial.attribution}, {testimonial.organisation}"[:200]
        testimonial.save(update_fields=["attribution"])


class Migration(migrations.Migration):
    dependencies = [("stories", "0003_narrator_reviewers_group")]

    operations = [
        migrations.RenameField("testimonial", "person", "attribution"),
        migrations.AlterField(
            model_name="testimonial",
            name="attribution",
            field=models.CharField(
                help_text=(
                    "Who said it, as a role: “a STOK participant”, “an Information Center "
                    "user”. Name a person only with their written consent."
                ),
                max_length=200,
                verbose_name="said by",
            ),
        ),
        migrations.RunPython(fold_organisation, migrations.RunPython.noop),
        migrations.RemoveField("testimonial", "organisation"),
    ]
