/*
 * "Did this help?": sends the box's form with fetch and puts the server's answer — thanks and the
 * "What was missing?" form, with the signed token of this answer — in its place. The box is an
 * ordinary form (a small page of its own without JavaScript); any failure submits it normally.
 * In an embed frame the frame's session goes with it (window.hearthFrameHeaders, if present).
 */
(function () {
  'use strict';
  if (!window.fetch || !window.FormData) return;
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-feedback')) return;
    event.preventDefault();
    var body = new URLSearchParams(new FormData(form));
    var pressed = event.submitter;
    if (pressed && pressed.name) body.set(pressed.name, pressed.value);
    var headers = { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' };
    var extra = typeof window.hearthFrameHeaders === 'function' ? window.hearthFrameHeaders() : {};
    for (var name in extra) headers[name] = extra[name];
    fetch(form.action, { method: 'POST', headers: headers, body: body.toString(), credentials: 'same-origin' })
      .then(function (response) {
        return response.json().then(function (result) {
          if (typeof result.html !== 'string') throw new Error(String(response.status));
          return result;
        });
      })
      .then(function (result) {
        var holder = document.createElement('div');
        holder.innerHTML = result.html;
        var next = holder.firstElementChild;
        if (!next) throw new Error('empty');
        form.replaceWith(next);
        var focus = next.querySelector('[role="alert"], [role="status"]');
        if (focus) {
          focus.setAttribute('tabindex', '-1');
          focus.focus();
        }
      })
      .catch(function () {
        form.submit();
      });
  });
})();
