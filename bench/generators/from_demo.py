"""Everything the bench takes from the demo, in one place.

The demo's modules are moving (`home.demo_tools` and `home.demo` to the `demo` package);
when they do, these imports are the only ones to change.
"""

import io
import sys


def load_demo_content() -> None:
    """The demo content (pages, menus, snippets) the generated content goes beside."""
    from django.core.management import call_command

    try:
        call_command("load_demo_content", "--if-empty", stdout=io.StringIO())
    except Exception as error:  # noqa: BLE001 - another app's demo may be mid-change
        print(
            f"load_demo_content failed ({error!r}); loading the home app's demo only",
            file=sys.stderr,
        )
        from home.demo import load_home

        load_home()


def shared_images(prefix: str, colours: list[str]) -> list:
    """One image per colour, shared by the generated pages (demo's image maker)."""
    from home.demo_tools import make_image

    return [
        make_image(f"{prefix} {number}", colour, "#ffbf47", size=(1200, 800))
        for number, colour in enumerate(colours, start=1)
    ]
