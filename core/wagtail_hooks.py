from wagtail import hooks

from .publishing import remember_loaded_state

hooks.register("before_edit_page", remember_loaded_state)
