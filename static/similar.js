/*
 * New-thread form: while the title is typed, lists threads that may already answer it (GET
 * /similar). Without JavaScript the form's Preview button shows the same list. Titles are set
 * with textContent, never as HTML. The words come from the server, in the reader's language: the
 * heading and the solved tag on the box, each thread's reply count in the JSON.
 */
(function () {
  'use strict';
  var form = document.querySelector('form[data-similar]');
  if (!form || !window.fetch) return;
  var endpoint = form.getAttribute('data-similar');
  var title = form.querySelector('input[name="title"]');
  var category = form.querySelector('select[name="category"]');
  var box = document.getElementById('similar-threads');
  if (!title || !box) return;
  var headingText = box.getAttribute('data-heading') || '';
  var solvedText = box.getAttribute('data-solved') || '';

  var DELAY_MS = 300;
  var MIN_LENGTH = 4;
  var timer = 0;
  var lastQuery = '';
  var controller = null;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function render(threads) {
    box.textContent = '';
    if (!threads || threads.length === 0) {
      box.hidden = true;
      return;
    }
    box.appendChild(element('h2', 'similar-heading', headingText));
    var list = element('ul', 'similar-list');
    threads.forEach(function (thread) {
      var item = element('li');
      var link = element('a', '', thread.title);
      link.href = thread.url;
      link.dir = 'auto';
      item.appendChild(link);
      if (thread.solved) {
        item.appendChild(document.createTextNode(' '));
        item.appendChild(element('span', 'tag tag-solved', solvedText));
      }
      item.appendChild(document.createTextNode(' '));
      item.appendChild(element('span', 'muted', thread.replies));
      list.appendChild(item);
    });
    box.appendChild(list);
    box.hidden = false;
  }

  function lookup() {
    timer = 0;
    var text = title.value.trim();
    var params = new URLSearchParams({ title: text });
    if (category && category.value) params.set('category', category.value);
    var query = params.toString();
    if (query === lastQuery) return;
    lastQuery = query;
    if (controller) controller.abort();
    if (text.length < MIN_LENGTH) {
      render([]);
      return;
    }
    controller = window.AbortController ? new AbortController() : null;
    fetch(endpoint + '?' + query, { headers: { accept: 'application/json' }, signal: controller ? controller.signal : undefined })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        // A failed or limited lookup leaves the list as it was: it is only a hint.
        if (data && query === lastQuery) render(data.threads);
      })
      .catch(function () {});
  }

  function later() {
    if (timer) clearTimeout(timer);
    timer = setTimeout(lookup, DELAY_MS);
  }

  title.addEventListener('input', later);
  if (category) category.addEventListener('change', later);
})();
