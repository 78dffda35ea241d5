// Follow-up threads: new messages appear without a reload. The list is fetched again every
// few seconds while the page is visible; without JavaScript a reload shows them.
(function () {
  "use strict";
  var box = document.querySelector("[data-poll]");
  if (!box || !window.fetch || !window.URLSearchParams) return;
  var form = box.dataset.pollForm ? document.getElementById(box.dataset.pollForm) : null;
  function body() {
    if (!form) return null;
    var params = new URLSearchParams();
    ["csrf", "lang", "receipt"].forEach(function (name) {
      var field = form.elements[name];
      if (field) params.append(name, field.value);
    });
    return params;
  }
  function poll() {
    if (document.hidden) return;
    var sent = body();
    // The header tells the server a script asked, so a staff session still times out.
    var init = { method: sent ? "POST" : "GET", body: sent, credentials: "same-origin", headers: { "X-Tellpoint-Poll": "1" } };
    fetch(box.dataset.poll, init)
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html === null) return;
        var t = document.createElement("template");
        t.innerHTML = html.trim();
        var fresh = t.content.firstElementChild, old = box.firstElementChild;
        if (fresh && old && fresh.outerHTML !== old.outerHTML) box.replaceChild(fresh, old);
      })
      .catch(function () {});
  }
  setInterval(poll, 5000);
})();
