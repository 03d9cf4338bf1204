// The story page's 小 / 中 / 大 switch. Loaded in <head> so that a remembered size applies
// before the text is drawn; the buttons appear only when this script runs.
(function () {
  "use strict";
  var KEY = "newsroom:text-size";
  var SIZES = ["small", "medium", "large"];
  var root = document.documentElement;

  function remembered() {
    try {
      var size = window.localStorage.getItem(KEY);
      return SIZES.indexOf(size) >= 0 ? size : "medium";
    } catch (error) {
      return "medium"; // storage refused (private mode): the size is not remembered
    }
  }

  function apply(size) {
    root.setAttribute("data-text-size", size);
    document.querySelectorAll(".text-size button").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.dataset.textSize === size));
    });
  }

  apply(remembered());

  document.addEventListener("DOMContentLoaded", function () {
    var group = document.querySelector(".text-size");
    if (!group) return;
    group.hidden = false;
    apply(remembered());
    group.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-text-size]");
      if (!button) return;
      try {
        window.localStorage.setItem(KEY, button.dataset.textSize);
      } catch (error) {
        // Not remembered, but still applied to this page.
      }
      apply(button.dataset.textSize);
    });
  });
})();
