// The console's only script besides htmx: keyboard navigation in lists, as moderation consoles offer.
// j / k move down / up, Enter opens the selected row, c claims it (its "Claim" button), / jumps to the filters.
(function () {
  "use strict";

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("table.keyboard tbody tr[data-href]"));
  }

  function select(list, index) {
    if (list.length === 0) return;
    var i = Math.max(0, Math.min(list.length - 1, index));
    list.forEach(function (r) { r.classList.remove("selected"); r.removeAttribute("aria-selected"); });
    list[i].classList.add("selected");
    list[i].setAttribute("aria-selected", "true");
    list[i].focus();
  }

  function current(list) {
    for (var i = 0; i < list.length; i++) {
      if (list[i].classList.contains("selected")) return i;
    }
    return -1;
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    var list = rows();
    if (list.length === 0) return;
    var i = current(list);
    if (event.key === "j") { select(list, i + 1); event.preventDefault(); }
    else if (event.key === "k") { select(list, i < 0 ? 0 : i - 1); event.preventDefault(); }
    else if (event.key === "Enter" && i >= 0 && target.tagName !== "A" && target.tagName !== "BUTTON") {
      window.location.href = list[i].getAttribute("data-href"); event.preventDefault();
    } else if (event.key === "c" && i >= 0) {
      var claim = list[i].querySelector("button.claim");
      if (claim) { claim.click(); event.preventDefault(); }
    } else if (event.key === "/") {
      var filter = document.querySelector("form.filters select, form.filters input");
      if (filter) { filter.focus(); event.preventDefault(); }
    }
  });

  // A row clicked anywhere but on a control selects it.
  document.addEventListener("click", function (event) {
    var row = event.target.closest && event.target.closest("table.keyboard tbody tr[data-href]");
    if (row && !event.target.closest("a, button, input, select, textarea")) {
      select(rows(), rows().indexOf(row));
    }
  });
})();
