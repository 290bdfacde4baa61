import { initAll } from "/lib/govuk/govuk-frontend.min.js";

initAll();

// "Print or save as a PDF": without JavaScript the page says to use the browser's Print option instead.
for (const button of document.querySelectorAll('[data-module="app-print"]')) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
