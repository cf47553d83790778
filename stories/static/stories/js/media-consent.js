// Click-to-load players for video and audio hosted elsewhere (see stories/media.py).
// The page carries only a placeholder and a link; the provider's iframe is created here,
// after the visitor asks for it, so nothing is requested from the provider before then.
(function () {
  "use strict";
  document.querySelectorAll(".media-consent[data-embed-url]").forEach(function (box) {
    var button = box.querySelector(".media-consent__load");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.src = box.dataset.embedUrl;
      frame.title = box.dataset.embedTitle || button.textContent;
      frame.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
      frame.allowFullscreen = true;
      frame.referrerPolicy = "strict-origin-when-cross-origin";
      var wrapper = document.createElement("div");
      wrapper.className = "media-embed";
      wrapper.appendChild(frame);
      box.replaceWith(wrapper);
      frame.focus();
    });
  });
})();
