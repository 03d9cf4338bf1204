// Writing safety on the story form: live 字数, a warning before leaving unsaved changes,
// autosave to this browser with "restore what you were typing", Ctrl+S / ⌘S to save, a
// progress notice while photos upload, and a confirmation before changing a public story.
// Every sentence comes from the page (#desk-writing), translated by the server.
(function () {
  "use strict";

  var STORAGE_PREFIX = "desk-autosave:";
  // The same units as articles.body.character_count: a run of Latin letters or digits is one,
  // every other visible character is one, spaces are nothing.
  var COUNTED_UNIT = /[A-Za-z0-9][A-Za-z0-9.'\-]*|\S/gu;

  function characterCount(body) {
    var total = 0;
    (body || "").split(/\r\n|\r|\n/).forEach(function (raw) {
      var line = raw.replace(/^[ \t\u3000]+|[ \t\u3000]+$/g, "");
      if (line.indexOf("##") === 0) {
        line = line.slice(2);
      }
      var units = line.match(COUNTED_UNIT);
      total += units ? units.length : 0;
    });
    return total;
  }
  window.deskCharacterCount = characterCount;

  function storage() {
    try {
      return window.localStorage;
    } catch (error) {
      return null;
    }
  }

  // A field the autosave keeps: what the user types, never tokens, versions or form counts.
  function isKept(element) {
    if (!element.name || element.disabled || element.name === "csrfmiddlewaretoken") {
      return false;
    }
    if (element.type === "hidden" || element.type === "file" || element.type === "submit") {
      return false;
    }
    return !/(-TOTAL_FORMS|-INITIAL_FORMS|-MIN_NUM_FORMS|-MAX_NUM_FORMS|-id|-DELETE)$/.test(
      element.name
    );
  }

  function readFields(form) {
    var fields = {};
    Array.prototype.forEach.call(form.elements, function (element) {
      if (!isKept(element)) {
        return;
      }
      if (element.type === "checkbox") {
        fields[element.name] = element.checked;
      } else if (element.type === "radio") {
        if (element.checked) {
          fields[element.name] = element.value;
        }
      } else {
        fields[element.name] = element.value;
      }
    });
    return fields;
  }

  function writeFields(form, fields) {
    Object.keys(fields).forEach(function (name) {
      var elements = form.querySelectorAll('[name="' + name.replace(/"/g, '\\"') + '"]');
      Array.prototype.forEach.call(elements, function (element) {
        if (!isKept(element)) {
          return;
        }
        if (element.type === "checkbox") {
          element.checked = Boolean(fields[name]);
        } else if (element.type === "radio") {
          element.checked = element.value === fields[name];
        } else if (element.tagName === "SELECT") {
          // An option the page does not offer (an autocomplete's) cannot be restored.
          var offered = Array.prototype.some.call(element.options, function (option) {
            return option.value === fields[name];
          });
          if (offered) {
            element.value = fields[name];
          }
        } else {
          element.value = fields[name];
        }
        element.dispatchEvent(new Event("input", { bubbles: true }));
      });
    });
  }

  function differs(saved, current) {
    return Object.keys(saved).some(function (name) {
      return name in current && saved[name] !== current[name];
    });
  }

  // A row of an inline (a byline …) that the user added with "add another" is not on the page
  // when it is opened again. These find the rows the kept copy has values for, and add them
  // the way the user did, before the values are written.
  var ROW_FIELD = /^(.+)-(\d+)-[^-]+$/;

  function rowsToAdd(form, fields) {
    var needed = {};
    Object.keys(fields).forEach(function (name) {
      var match = ROW_FIELD.exec(name);
      if (!match || fields[name] === "" || fields[name] === false) {
        return;
      }
      var total = form.querySelector('[name="' + match[1] + '-TOTAL_FORMS"]');
      var index = parseInt(match[2], 10);
      if (total && index >= parseInt(total.value, 10)) {
        needed[match[1]] = Math.max(needed[match[1]] || 0, index);
      }
    });
    return needed;
  }

  function addRows(form, needed) {
    Object.keys(needed).forEach(function (prefix) {
      var group = document.getElementById(prefix + "-group");
      var template = document.getElementById(prefix + "-empty");
      // A photo's file cannot be kept in the browser: its row is not added back.
      if (!group || !template || template.querySelector("input[type=file]")) {
        return;
      }
      var total = form.querySelector('[name="' + prefix + '-TOTAL_FORMS"]');
      var add = group.querySelector(".add-row a");
      while (add && parseInt(total.value, 10) <= needed[prefix]) {
        add.click();
        // The link goes away when the inline has as many rows as it allows.
        add = group.querySelector(".add-row a");
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var settings = document.getElementById("desk-writing");
    var store = storage();
    // A save went through: forget the copies kept for the forms that were sent.
    if (store && document.querySelector(".messagelist .success")) {
      Object.keys(store).forEach(function (key) {
        if (key.indexOf(STORAGE_PREFIX) === 0) {
          try {
            if (JSON.parse(store.getItem(key)).submitted) {
              store.removeItem(key);
            }
          } catch (error) {
            store.removeItem(key);
          }
        }
      });
    }
    var form = document.getElementById("article_form");
    if (!settings || !form) {
      return;
    }
    var text = settings.dataset;
    var dirty = false;
    // Changes to the story's copy, not to the records apps keep beside it (adoptions …), which
    // change nothing readers see: only these ask before a published story is saved.
    var copyDirty = false;
    var leaving = false;
    var key = STORAGE_PREFIX + window.location.pathname;
    var version = (form.querySelector("[name=loaded_version]") || {}).value || "";

    // Live 字数.
    var body = form.querySelector("textarea[name=body]");
    var counter = form.querySelector(".field-character_count_display .readonly");
    if (body && counter) {
      counter.setAttribute("aria-live", "polite");
      counter.classList.add("desk-count");
      var showCount = function () {
        counter.textContent = String(characterCount(body.value));
      };
      body.addEventListener("input", showCount);
      showCount();
    }

    // Unsaved changes: the browser asks before the page is left.
    var saveTimer = null;
    var keep = function () {
      if (!store) {
        return;
      }
      try {
        store.setItem(
          key,
          JSON.stringify({
            savedAt: new Date().toISOString(),
            version: version,
            fields: readFields(form),
          })
        );
      } catch (error) {
        // A full or disabled storage: the leave warning still protects the text.
      }
    };
    var changed = function (event) {
      // Scripts that fill fields as the page loads are not the user's changes.
      if (event && !event.isTrusted && !(event.detail && event.detail.byUser)) {
        return;
      }
      dirty = true;
      if (!(event && event.target && event.target.closest && event.target.closest(".desk-records"))) {
        copyDirty = true;
      }
      window.clearTimeout(saveTimer);
      saveTimer = window.setTimeout(keep, 800);
    };
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    window.addEventListener("beforeunload", function (event) {
      if (dirty && !leaving) {
        keep();
        event.preventDefault();
        event.returnValue = text.leaveMessage;
        return text.leaveMessage;
      }
      return undefined;
    });

    // Workflow buttons leave the page: one question, then no second warning from the browser.
    var panel = document.querySelector("[data-workflow-panel]");
    if (panel) {
      panel.addEventListener("click", function (event) {
        var control = event.target.closest("[data-workflow-action]");
        if (!control || !dirty) {
          return;
        }
        if (window.confirm(panel.dataset.unsavedMessage)) {
          leaving = true;
        } else {
          event.preventDefault();
        }
      });
    }

    // Restore what was typed before a crash, a closed tab or a lost connection.
    if (store) {
      var saved = null;
      try {
        saved = JSON.parse(store.getItem(key) || "null");
      } catch (error) {
        store.removeItem(key);
      }
      var missing = saved && saved.fields ? rowsToAdd(form, saved.fields) : {};
      if (
        saved &&
        saved.fields &&
        (differs(saved.fields, readFields(form)) || Object.keys(missing).length)
      ) {
        var banner = document.createElement("div");
        banner.className = "desk-restore";
        banner.setAttribute("role", "alert");
        var message = document.createElement("p");
        var when = new Date(saved.savedAt);
        message.textContent = text.restoreMessage.replace(
          "{time}",
          isNaN(when) ? "" : when.toLocaleString("zh-CN", { hour12: false })
        );
        if (saved.version && version && saved.version !== version) {
          message.textContent += " " + text.restoreNewerMessage;
        }
        var restore = document.createElement("button");
        restore.type = "button";
        restore.className = "button desk-restore__restore";
        restore.textContent = text.restoreLabel;
        var discard = document.createElement("button");
        discard.type = "button";
        discard.className = "button desk-restore__discard";
        discard.textContent = text.discardLabel;
        restore.addEventListener("click", function () {
          addRows(form, missing);
          writeFields(form, saved.fields);
          dirty = true;
          copyDirty = true;
          banner.remove();
        });
        discard.addEventListener("click", function () {
          store.removeItem(key);
          banner.remove();
        });
        banner.append(message, restore, " ", discard);
        form.parentNode.insertBefore(banner, form);
      }
    }

    // Ctrl+S / ⌘S saves and keeps the story open.
    document.addEventListener("keydown", function (event) {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "s") {
        event.preventDefault();
        var button =
          form.querySelector("input[name=_continue]") || form.querySelector("input[name=_save]");
        if (button && form.requestSubmit) {
          form.requestSubmit(button);
        } else if (button) {
          button.click();
        }
      }
    });

    form.addEventListener("submit", function (event) {
      // A published story: saving changes the public page, so ask first.
      if (text.published === "1" && copyDirty && !window.confirm(text.correctionMessage)) {
        event.preventDefault();
        return;
      }
      leaving = true;
      window.clearTimeout(saveTimer);
      keep();
      if (store) {
        try {
          var entry = JSON.parse(store.getItem(key) || "null");
          if (entry) {
            entry.submitted = true;
            store.setItem(key, JSON.stringify(entry));
          }
        } catch (error) {
          // Nothing kept: nothing to mark.
        }
      }
      // Photos take a while to upload: say so instead of a blank wait.
      var files = 0;
      var bytes = 0;
      form.querySelectorAll("input[type=file]").forEach(function (input) {
        Array.prototype.forEach.call(input.files || [], function (file) {
          files += 1;
          bytes += file.size;
        });
      });
      var notice = document.createElement("div");
      notice.className = "desk-saving";
      notice.setAttribute("role", "status");
      var label = document.createElement("p");
      label.textContent = files
        ? text.uploadingMessage
            .replace("{count}", String(files))
            .replace("{size}", (Math.max(bytes, 104858) / 1048576).toFixed(1))
        : text.savingMessage;
      var bar = document.createElement("div");
      bar.className = "desk-saving__bar";
      notice.append(label, bar);
      document.body.appendChild(notice);
    });
  });
})();
