/* Anjab-ABK table: let htmx show a refused edit (422) in place, with its field message. */
(function () {
  "use strict";
  document.body.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.xhr.status === 422) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
})();
