/*
 * Thread pages: "Helpful" buttons vote without reloading the page. The buttons are ordinary forms
 * (POST /p/:id/helpful, then a redirect back); this only sends them with fetch and updates the
 * pressed state and count. Any failure falls back to submitting the form normally.
 */
(function () {
  'use strict';
  if (!window.fetch) return;
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.classList.contains('helpful-form')) return;
    event.preventDefault();
    var button = form.querySelector('button');
    if (button) button.disabled = true;
    fetch(form.action, { method: 'POST', headers: { accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (result) {
        if (!button) return;
        button.disabled = false;
        button.setAttribute('aria-pressed', result.voted ? 'true' : 'false');
        // The server words the new title in the reader's language.
        if (typeof result.title === 'string') button.title = result.title;
        var count = button.querySelector('.helpful-count');
        if (count) count.textContent = String(result.helpfulCount);
      })
      .catch(function () {
        // Let the server say what went wrong (signed out, post removed…) on a full page.
        form.submit();
      });
  });
})();
