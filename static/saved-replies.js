/*
 * Staff's saved-reply picker in the reply box. Without JavaScript, "Insert" sends the form to a
 * preview step that shows the page again with the reply added (intent=insert). Here the chosen
 * reply, which its <option> carries in data-body, is added to the box in place, after the text
 * typed so far, just as the server would; the typed text is never replaced.
 */
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var button = event.target instanceof Element ? event.target.closest('.saved-reply-insert') : null;
    if (!button || !button.form) return;
    var select = button.form.querySelector('select[name="savedReply"]');
    var box = button.form.querySelector('textarea[name="body"]');
    var option = select ? select.options[select.selectedIndex] : null;
    // No choice: let the server say what to do, as without JavaScript.
    if (!box || !option || !option.value || !option.hasAttribute('data-body')) return;
    event.preventDefault();
    var text = box.value.replace(/\s+$/, '');
    box.value = (text ? text + '\n\n' : '') + option.getAttribute('data-body');
    select.selectedIndex = 0;
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
  });
})();
