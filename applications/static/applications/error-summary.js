// After a failed submit, take the focus to the error summary (where `autofocus` did not),
// so that keyboard and screen-reader users start from the list of what to correct.
(function () {
  const summary = document.getElementById("error-summary");
  if (summary && document.activeElement !== summary) {
    summary.focus();
  }
})();
