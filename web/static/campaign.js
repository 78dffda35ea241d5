// The campaign page: a preview of the campaign's own texts as participants will see them,
// one language at a time, updated while the owner types. Without JavaScript the "Preview
// the form" link shows the saved texts.
(function () {
  "use strict";
  var box = document.querySelector("[data-text-preview]");
  if (!box) return;
  var choice = box.querySelector("select");
  var title = box.querySelector(".preview-title");
  var intro = box.querySelector(".preview-intro");
  function field(name) {
    return document.getElementById("s-" + name + "_" + choice.value);
  }
  function show() {
    var t = field("title"), i = field("intro");
    title.textContent = t ? t.value : "";
    intro.textContent = i ? i.value : "";
    title.lang = intro.lang = choice.value;
    box.classList.toggle("preview-missing", !(t && t.value.trim()));
  }
  box.hidden = false;
  choice.addEventListener("change", show);
  document.querySelectorAll("#s-texts input, #s-texts textarea").forEach(function (f) {
    f.addEventListener("input", show);
  });
  show();
})();
