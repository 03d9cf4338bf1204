// Warns before a workflow button leaves a story form with unsaved changes.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var panel = document.querySelector("[data-workflow-panel]");
  var form = document.getElementById("article_form");
  if (!panel || !form) {
    return;
  }
  var dirty = false;
  var markDirty = function () {
    dirty = true;
  };
  form.addEventListener("input", markDirty);
  form.addEventListener("change", markDirty);
  form.addEventListener("submit", function () {
    dirty = false;
  });
  panel.addEventListener("click", function (event) {
    var control = event.target.closest("[data-workflow-action]");
    if (control && dirty && !window.confirm(panel.dataset.unsavedMessage)) {
      event.preventDefault();
    }
  });
});
