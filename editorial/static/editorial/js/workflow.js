// The workflow's own pages: typing a publication time chooses "at the time below", and the
// preview-link page copies its link with one button.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var timeForm = document.querySelector("[data-publish-time-form]");
  var time = timeForm && timeForm.querySelector("input[name=publish_at]");
  var at = timeForm && timeForm.querySelector("input[name=when][value=at]");
  if (time && at) {
    var chooseAt = function () {
      if (time.value) {
        at.checked = true;
      }
    };
    time.addEventListener("input", chooseAt);
    time.addEventListener("change", chooseAt);
  }

  var copy = document.querySelector("[data-copy-target]");
  if (copy) {
    var field = document.getElementById(copy.dataset.copyTarget);
    var status = document.getElementById(copy.dataset.copyStatus);
    copy.addEventListener("click", function () {
      var done = function () {
        status.textContent = copy.dataset.copiedMessage;
      };
      field.select();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, function () {
          document.execCommand("copy");
          done();
        });
      } else {
        document.execCommand("copy");
        done();
      }
    });
  }
});
