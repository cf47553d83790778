from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo loader, its content files and the builders shared by the tests, the browser
    tests and the bench. No models: it builds content through the other apps."""

    name = "demo"
