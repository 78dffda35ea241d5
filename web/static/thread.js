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
  var timer = null;
  // A staff reply typed when the session ended waits in this tab until the thread is open
  // again after signing in.
  var reply = document.getElementById("reply-text");
  var key = "tellpoint-reply:" + location.pathname;
  if (reply && window.sessionStorage) {
    var kept = sessionStorage.getItem(key);
    if (kept && !reply.value) reply.value = kept;
    sessionStorage.removeItem(key);
  }
  // The session ended (staff signed out elsewhere or timed out): say so once, keep whatever
  // is typed on the page, and stop asking.
  function ended() {
    clearInterval(timer);
    if (reply && window.sessionStorage) {
      var keep = function () { if (reply.value) sessionStorage.setItem(key, reply.value); };
      keep();
      reply.addEventListener("input", keep);
    }
    var note = document.createElement("div");
    note.className = "error-summary";
    note.setAttribute("role", "alert");
    var text = document.createElement("p");
    text.textContent = box.dataset.ended || "";
    var link = document.createElement("a");
    link.href = "/login";
    link.textContent = box.dataset.signIn || "";
    note.append(text, link);
    box.parentNode.insertBefore(note, box);
  }
  function poll() {
    if (document.hidden) return;
    var sent = body();
    // The header tells the server a script asked, so a staff session still times out.
    var init = { method: sent ? "POST" : "GET", body: sent, credentials: "same-origin", headers: { "X-Tellpoint-Poll": "1" } };
    fetch(box.dataset.poll, init)
      .then(function (r) {
        if (r.status === 401 || r.redirected) { ended(); return null; }
        return r.ok ? r.text() : null;
      })
      .then(function (html) {
        if (html === null) return;
        var t = document.createElement("template");
        t.innerHTML = html.trim();
        var fresh = t.content.firstElementChild, old = box.firstElementChild;
        if (fresh && old && fresh.outerHTML !== old.outerHTML) box.replaceChild(fresh, old);
      })
      .catch(function () {});
  }
  timer = setInterval(poll, 5000);
})();
