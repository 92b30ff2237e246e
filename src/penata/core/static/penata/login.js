/* Demo mode: clicking a demo account fills the login form (no inline script, CSP-friendly). */
(function () {
  "use strict";
  document.querySelectorAll("[data-demo-username]").forEach((button) => {
    button.addEventListener("click", () => {
      const form = document.querySelector("form[method=post]");
      form.querySelector("input[name=username]").value = button.dataset.demoUsername;
      form.querySelector("input[name=password]").value = button.dataset.demoPassword;
      form.querySelector("button[type=submit]").focus();
    });
  });
})();
