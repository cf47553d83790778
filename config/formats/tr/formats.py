DATE_FORMAT = "j F Y l"
