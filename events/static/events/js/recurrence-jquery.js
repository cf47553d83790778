// django-recurrence's widget expects Django admin's jQuery; reuse the one Wagtail loads
// instead of loading a second copy that breaks Wagtail's date-time pickers.
window.django = window.django || {};
window.django.jQuery = window.django.jQuery || window.jQuery;
