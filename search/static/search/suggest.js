// Search-as-you-type: offers page titles in a <datalist> under the search box.
// An enhancement only: without JavaScript the form submits as usual.
(function () {
  "use strict";
  var form = document.querySelector("form[data-suggest-url]");
  var input = form && form.querySelector('input[name="q"]');
  if (!input || !window.fetch) {
    return;
  }
  var list = document.createElement("datalist");
  list.id = input.id + "-suggestions";
  form.appendChild(list);
  input.setAttribute("list", list.id);

  var timer = null;
  var latest = "";
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      var query = input.value.trim();
      latest = query;
      if (query.length < 2) {
        list.replaceChildren();
        return;
      }
      var url = form.getAttribute("data-suggest-url") + "?q=" + encodeURIComponent(query);
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          if (query !== latest) {
            return; // an older answer arriving late
          }
          list.replaceChildren.apply(
            list,
            data.suggestions.map(function (item) {
              var option = document.createElement("option");
              option.value = item.title;
              return option;
            })
          );
        })
        .catch(function () {});
    }, 200);
  });
})();
