"""Everything the bench takes from the demo app, in one place."""

import io


def load_demo_content() -> None:
    """The demo content (pages, menus, snippets) the generated content goes beside."""
    from django.core.management import call_command

    call_command("load_demo_content", "--if-empty", stdout=io.StringIO())


def shared_images(prefix: str, colours: list[str]) -> list:
    """One image per colour, shared by the generated pages (demo's image maker)."""
    from demo.tools import make_image

    return [
        make_image(f"{prefix} {number}", colour, "#ffbf47", size=(1200, 800))
        for number, colour in enumerate(colours, start=1)
    ]
