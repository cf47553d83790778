// The summary and next dates under a series' rule editor, refreshed when the rule or the
// first meeting's start changes. The server renders them (events.admin_views); without
// JavaScript the panel keeps what it showed on load.
(function () {
  function refresh(panel, rule, start) {
    var url = new URL(panel.dataset.rulePreviewUrl, window.location.href);
    url.searchParams.set('recurrences', rule.value);
    url.searchParams.set('start', start ? start.value : '');
    fetch(url, { credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) { if (html !== null) { panel.innerHTML = html; } });
  }

  function watch(panel) {
    var form = panel.closest('form');
    var rule = form && form.querySelector('textarea[name="recurrences"]');
    if (!rule) { return; }
    var start = form.querySelector('input[name="start"]');
    var last = rule.value + '|' + (start ? start.value : '');
    function check() {
      // The widget writes the rule into its textarea without an event: compare after each
      // click or change in the form, once the widget has written it.
      window.requestAnimationFrame(function () {
        var now = rule.value + '|' + (start ? start.value : '');
        if (now !== last) { last = now; refresh(panel, rule, start); }
      });
    }
    ['click', 'change', 'input', 'keyup'].forEach(function (name) {
      form.addEventListener(name, check);
    });
  }

  function init() {
    document.querySelectorAll('[data-rule-preview]').forEach(watch);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
