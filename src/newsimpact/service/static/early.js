// Loaded in <head> without defer: marks scripting on and applies the remembered text size before the
// first paint. A file rather than an inline script, so a strict Content-Security-Policy allows it.
document.documentElement.classList.add("js");
try {
  var step = localStorage.getItem("newsimpact.fontStep");
  if (step && /^[1-5]$/.test(step)) document.documentElement.dataset.fontStep = step;
} catch (e) { /* storage may be disabled */ }
