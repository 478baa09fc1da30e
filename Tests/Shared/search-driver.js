// Types queries into a real page's search box, the way a reader does (one character at a
// time, each an input event), then writes what the page showed into <pre id="driver-results">
// as JSON, for a test reading the DOM that headless Chromium dumps. The test puts this script
// into a copy of a built page, after `window.driverQueries = [...]` and `window.driverKeyboardQuery` (one with two results
// or more).
(function () {
  "use strict";
  var errors = [];
  window.addEventListener("error", function (event) { errors.push(String(event.message || event.type)); }, true);
  var consoleError = console.error;
  console.error = function () {
    errors.push(Array.prototype.join.call(arguments, " "));
    consoleError.apply(console, arguments);
  };
  function sleep(milliseconds) { return new Promise(function (resolve) { setTimeout(resolve, milliseconds); }); }

  window.addEventListener("load", async function () {
    var input = document.getElementById("search-query");
    var count = document.getElementById("search-count");
    var panel = document.getElementById("search-results");
    var list = document.getElementById("search-list");
    var report = { queries: [], errors: errors };
    async function type(query) {
      input.focus();
      input.value = "";
      for (var character of query) {
        input.value += character;
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
      for (var tries = 0; tries < 200 && /Loading/.test(count.textContent); tries++) await sleep(10);
      var links = Array.prototype.slice.call(list.querySelectorAll(".search-title a"));
      return {
        query: query,
        count: count.textContent,
        shown: !panel.hidden,
        titles: links.map(function (link) { return link.textContent; }),
        hrefs: links.map(function (link) { return link.href; }),
        dates: Array.prototype.map.call(list.querySelectorAll("time"), function (time) { return time.dateTime; })
      };
    }
    try {
      for (var query of window.driverQueries) report.queries.push(await type(query));
      // Keyboard: down from the box to the first result, down again, up twice back to the box.
      await type(window.driverKeyboardQuery);
      function key(name) {
        (document.activeElement || input).dispatchEvent(new KeyboardEvent("keydown", { key: name, bubbles: true, cancelable: true }));
        var links = Array.prototype.slice.call(list.querySelectorAll("a"));
        return document.activeElement === input ? "input" : links.indexOf(document.activeElement);
      }
      report.keys = [key("ArrowDown"), key("ArrowDown"), key("ArrowUp"), key("ArrowUp"), key("Escape")];
      report.hiddenAfterEscape = panel.hidden;
      // Enter with no result: the query stays in the page (no request to the external engine).
      await type("zzqxj");
      var submit = new Event("submit", { bubbles: true, cancelable: true });
      input.form.dispatchEvent(submit);
      report.submitKeptInPage = submit.defaultPrevented;
      report.aria = {
        status: count.getAttribute("role"),
        live: count.getAttribute("aria-live"),
        controls: input.getAttribute("aria-controls"),
        describedBy: input.getAttribute("aria-describedby"),
        label: document.querySelector("label[for=search-query]") !== null
      };
    } catch (error) {
      errors.push("driver: " + error);
    }
    var pre = document.createElement("pre");
    pre.id = "driver-results";
    pre.textContent = JSON.stringify(report);
    document.body.appendChild(pre);
  });
})();
