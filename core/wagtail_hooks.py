from wagtail import hooks

from .publishing import remember_loaded_state

# After the hooks that answer the request themselves (wagtail-localize's translation editor
# takes over the edit view of a translated page): only the page editor's own saves are noted.
hooks.register("before_edit_page", remember_loaded_state, order=100)
