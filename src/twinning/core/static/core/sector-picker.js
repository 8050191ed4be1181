// Adds a NACE code chosen from the picker's search results to the form's code field.
// Without JavaScript the field is a plain text input where codes are typed directly.
document.addEventListener("click", function (event) {
  const button = event.target.closest("[data-pick-code]");
  if (!button) {
    return;
  }
  event.preventDefault();
  const input = document.getElementById(button.dataset.pickTarget);
  if (!input) {
    return;
  }
  const codes = input.value.split(/[\s,;]+/).filter(Boolean);
  if (!codes.includes(button.dataset.pickCode)) {
    codes.push(button.dataset.pickCode);
  }
  input.value = codes.join(", ");
  input.dispatchEvent(new Event("change", { bubbles: true }));
});

// Enter in the picker's search box searches; it must not submit the surrounding form.
document.addEventListener("keydown", function (event) {
  if (event.key === "Enter" && event.target.matches("[data-picker-search]")) {
    event.preventDefault();
  }
});
