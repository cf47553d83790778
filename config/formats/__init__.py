"""Date formats per language (FORMAT_MODULE_PATH): a day reads "9 Aralık 2026 Çarşamba" in
Turkish and "Wednesday 9 December 2026" in English. Templates say `date:"DATE_FORMAT"`."""
