// Behaviour the pages would otherwise carry inline (the Content-Security-Policy allows no inline
// script or event handler): a button marked data-print prints the page.
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});
