// Suggestions of existing themes under the themes field, so that the desk reuses "劳模" rather
// than growing "劳动模范" beside it. Themes are separated as articles/themes.py separates them.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var field = document.querySelector("input[data-theme-suggestions]");
  if (!field || !field.dataset.themeSuggestions) {
    return;
  }
  var SEPARATORS = /[,\uff0c\u3001;\uff1b\s\u3000]+/;
  var known = field.dataset.themeSuggestions.split("|");
  var list = document.createElement("ul");
  list.className = "desk-theme-suggestions";
  list.setAttribute("aria-label", field.dataset.suggestionsLabel || "");
  field.insertAdjacentElement("afterend", list);

  var typed = function () {
    return field.value.split(SEPARATORS).filter(Boolean);
  };
  var show = function () {
    var parts = field.value.split(SEPARATORS);
    var fragment = (parts[parts.length - 1] || "").toLowerCase();
    var chosen = typed().map(function (name) {
      return name.toLowerCase();
    });
    var matches = known
      .filter(function (name) {
        var lower = name.toLowerCase();
        return (
          chosen.indexOf(lower) === -1 || (fragment && lower.indexOf(fragment) === 0 && lower !== fragment)
        );
      })
      .filter(function (name) {
        return !fragment || name.toLowerCase().indexOf(fragment) !== -1;
      })
      .slice(0, 8);
    list.replaceChildren();
    matches.forEach(function (name) {
      var item = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button desk-theme-suggestions__theme";
      button.textContent = name;
      button.addEventListener("click", function () {
        var names = typed();
        if (fragment && field.value.split(SEPARATORS).pop()) {
          names.pop();
        }
        names.push(name);
        field.value = names.join("、") + "、";
        // A user's choice, though the event is the script's: the form has unsaved changes.
        field.dispatchEvent(new CustomEvent("input", { bubbles: true, detail: { byUser: true } }));
        field.focus();
      });
      item.appendChild(button);
      list.appendChild(item);
    });
  };
  field.addEventListener("input", show);
  field.addEventListener("focus", show);
});
