// Progressive enhancement only: the page works the same without this file.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const result = document.getElementById("result");
  if (result && result.dataset.console) {
    // the original page's console output, kept for those who look there
    if (result.dataset.ok === "true") console.log(result.dataset.console);
    else console.error(result.dataset.console);
    result.focus();
  }
  const form = document.querySelector("form.check-form");
  if (form) {
    form.addEventListener("submit", () => {
      const button = form.querySelector("[type=submit]");
      if (button) {
        button.disabled = true;
        button.value = "Checking…";
      }
    });
  }
});
