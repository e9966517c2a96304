/*
 * Images in the composer. Without JavaScript the form's "Upload image" button sends the whole
 * form and the page comes back with the image's markdown added. Here a chosen, dropped or pasted
 * image is sent alone to POST /uploads (Accept: application/json) and its markdown is inserted at
 * the cursor; what happens is said in the field's status line, which screen readers announce.
 */
(function () {
  'use strict';

  function statusOf(field) {
    return field.querySelector('.upload-status');
  }

  function say(field, text, failed) {
    var status = statusOf(field);
    if (!status) return;
    status.textContent = text;
    status.classList.toggle('field-error', !!failed);
  }

  /** Adds the markdown where the cursor is, on a paragraph of its own, and puts the cursor after it. */
  function insertAtCursor(box, text) {
    var start = box.selectionStart || 0;
    var end = box.selectionEnd || start;
    var before = box.value.slice(0, start);
    var after = box.value.slice(end);
    var lead = before === '' || /\n\n$/.test(before) ? '' : /\n$/.test(before) ? '\n' : '\n\n';
    var trail = after === '' ? '\n' : /^\n/.test(after) ? '\n' : '\n\n';
    box.value = before + lead + text + trail + after;
    var caret = (before + lead + text + trail).length;
    box.setSelectionRange(caret, caret);
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }

  function upload(field, box, file) {
    var data = new FormData();
    data.append('file', file, file.name || 'image');
    say(field, field.getAttribute('data-uploading'), false);
    return fetch('/uploads', { method: 'POST', body: data, headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        return response.json().then(function (answer) {
          if (!response.ok || !answer.markdown) throw new Error((answer.error && answer.error.message) || field.getAttribute('data-failed'));
          insertAtCursor(box, answer.markdown);
          say(field, field.getAttribute('data-uploaded'), false);
        });
      })
      .catch(function (error) {
        say(field, error && error.message ? error.message : field.getAttribute('data-failed'), true);
      });
  }

  function imagesIn(list) {
    var files = [];
    for (var i = 0; list && i < list.length; i++) if (/^image\//.test(list[i].type)) files.push(list[i]);
    return files;
  }

  /** One after another, so the images land in the order they were given. */
  function uploadAll(field, box, files) {
    return files.reduce(function (previous, file) {
      return previous.then(function () { return upload(field, box, file); });
    }, Promise.resolve());
  }

  function enhance(field) {
    var form = field.closest('form');
    var box = form ? form.querySelector('textarea[name="body"]') : null;
    var input = field.querySelector('input[type="file"]');
    if (!box || !input) return;
    var button = field.querySelector('.image-upload-button');
    if (button) button.hidden = true;
    input.addEventListener('change', function () {
      var files = imagesIn(input.files);
      // Sent here, not again with the form.
      uploadAll(field, box, files).then(function () { input.value = ''; });
    });
    box.addEventListener('dragover', function (event) {
      if (event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, 'Files') !== -1) event.preventDefault();
    });
    box.addEventListener('drop', function (event) {
      var files = imagesIn(event.dataTransfer && event.dataTransfer.files);
      if (files.length === 0) return;
      event.preventDefault();
      uploadAll(field, box, files);
    });
    box.addEventListener('paste', function (event) {
      var files = imagesIn(event.clipboardData && event.clipboardData.files);
      if (files.length === 0) return;
      event.preventDefault();
      uploadAll(field, box, files);
    });
  }

  var fields = document.querySelectorAll('[data-image-upload]');
  for (var i = 0; i < fields.length; i++) enhance(fields[i]);
})();
