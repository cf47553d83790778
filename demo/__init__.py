"""The demo site: its loader and its content as data files, in both languages."""
