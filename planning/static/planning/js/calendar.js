// The editorial calendar: drag a scheduled story to another day. The move is never written here:
// the browser opens the desk's own "change the publication time" step with the new day and the
// same time filled in, where the editor confirms (or cancels) and the desk checks permissions.
(function () {
  "use strict";
  var dragged = null;
  document.addEventListener("dragstart", function (event) {
    var item = event.target.closest && event.target.closest("[data-reschedule-url]");
    if (!item) return;
    dragged = item;
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", item.getAttribute("data-reschedule-url"));
  });
  document.addEventListener("dragend", function () {
    dragged = null;
    document.querySelectorAll(".plan-day--drop").forEach(function (cell) {
      cell.classList.remove("plan-day--drop");
    });
  });
  document.addEventListener("dragover", function (event) {
    var cell = dragged && event.target.closest && event.target.closest("td[data-date]");
    if (!cell) return;
    event.preventDefault();
    cell.classList.add("plan-day--drop");
  });
  document.addEventListener("dragleave", function (event) {
    var cell = event.target.closest && event.target.closest("td[data-date]");
    if (cell) cell.classList.remove("plan-day--drop");
  });
  document.addEventListener("drop", function (event) {
    var cell = dragged && event.target.closest && event.target.closest("td[data-date]");
    if (!cell) return;
    event.preventDefault();
    window.location.href = moveUrl(dragged, cell.getAttribute("data-date"));
  });

  function moveUrl(item, date) {
    var url = new URL(item.getAttribute("data-reschedule-url"), window.location.href);
    url.searchParams.set("when", "at");
    url.searchParams.set("publish_at", date + "T" + item.getAttribute("data-time"));
    return url.pathname + url.search;
  }
})();
