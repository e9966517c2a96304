/*
 * Hearth embed frame: tells the page around it when it is ready and how tall it is, and follows
 * its theme. Messages go only to the host origin the server verified (data-host-origin), and only
 * messages from that origin and the parent window are read.
 */
(function () {
  'use strict';
  var root = document.querySelector('.hearth-embed[data-host-origin]');
  var host = root && root.getAttribute('data-host-origin');
  if (!host || window.parent === window) return;

  var lastHeight = -1;
  var ready = false;
  var timer = 0;
  var THROTTLE_MS = 50;

  function send(message) {
    window.parent.postMessage({ hearth: message }, host);
  }

  function report(type) {
    timer = 0;
    var height = Math.ceil(root.getBoundingClientRect().height);
    if (type === 'resize' && height === lastHeight) return;
    lastHeight = height;
    send({ type: type, height: height });
  }

  // Sized at once: this script runs only after the stylesheets have loaded, and layout works even
  // off-screen, where browsers do not render cross-origin frames until they scroll into view.
  report('resize');

  // "ready" waits for the first observation, which comes with the first rendering: the content is
  // painted, styled, when the page shows it. Later changes (images loading, the host resizing the
  // frame's width) are coalesced to one message per 50 ms.
  new ResizeObserver(function () {
    if (!ready) {
      ready = true;
      report('ready');
    } else if (!timer) {
      timer = setTimeout(function () { report('resize'); }, THROTTLE_MS);
    }
  }).observe(root);

  window.addEventListener('message', function (event) {
    if (event.source !== window.parent || event.origin !== host) return;
    var data = event.data && event.data.hearth;
    if (!data || data.type !== 'setTheme') return;
    if (data.theme === 'light' || data.theme === 'dark' || data.theme === 'auto') {
      document.documentElement.setAttribute('data-theme', data.theme);
    }
  });

  // Links open in a new tab by themselves (<base target="_blank">); the host only hears about it.
  document.addEventListener('click', function (event) {
    var link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (link) send({ type: 'navigate', url: link.href });
  });

  /*
   * Signing in and replying (docs/decisions/0049-embed-sessions.md). The popup runs on this
   * frame's own origin and hands over a one-minute code by postMessage; only a message from this
   * origin and from the popup this frame opened is taken. The embed session's token is kept in
   * memory only and sent as a bearer header; where the browser keeps the partitioned cookie, it
   * also survives a reload.
   */
  var token = null;
  var username = null;
  var popup = null;
  var query = '?origin=' + encodeURIComponent(host) + '&locale=' + encodeURIComponent(document.documentElement.lang);

  function compose() { return root.querySelector('.embed-compose[data-post]'); }

  function part(selector) { var box = compose(); return box && box.querySelector(selector); }

  function say(selector, text) {
    var line = part(selector);
    if (!line) return;
    line.textContent = text || '';
    line.hidden = !text;
  }

  function show() {
    var box = compose();
    if (!box) return;
    box.hidden = false;
    part('.embed-compose-signed-out').hidden = username !== null;
    part('.embed-compose-signed-in').hidden = username === null;
    if (username !== null) part('[data-username]').textContent = username;
  }

  function request(method, path, body) {
    var headers = { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    return fetch(path, { method: method, headers: headers, body: body, credentials: 'same-origin', cache: 'no-store' }).then(function (response) {
      return response.json().then(function (data) { return { ok: response.ok, data: data }; });
    });
  }

  function submission() {
    var bytes = crypto.getRandomValues(new Uint8Array(18));
    return Array.prototype.map.call(bytes, function (byte) { return ('0' + byte.toString(16)).slice(-2); }).join('');
  }
  var pending = submission();

  function signIn() {
    popup = window.open('/embed/sign-in' + query, 'hearth-sign-in', 'popup,width=480,height=640');
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== location.origin || !popup || event.source !== popup) return;
    var data = event.data && event.data.hearth;
    if (!data || data.type !== 'signedIn' || typeof data.code !== 'string') return;
    popup = null;
    var body = 'code=' + encodeURIComponent(data.code) + '&origin=' + encodeURIComponent(host);
    request('POST', '/embed/session' + query, body).then(function (result) {
      if (!result.ok) return say('.embed-compose-error', result.data.error && result.data.error.message);
      token = result.data.token;
      username = result.data.username;
      show();
      say('.embed-compose-error', '');
    }, function () { say('.embed-compose-error', compose().getAttribute('data-network-error')); });
  });

  function replaceThread(markup) {
    var parsed = new DOMParser().parseFromString(markup, 'text/html');
    var credit = root.querySelector('.embed-credit');
    while (root.firstChild && root.firstChild !== credit) root.removeChild(root.firstChild);
    Array.prototype.slice.call(parsed.body.childNodes).forEach(function (node) { root.insertBefore(document.importNode(node, true), credit); });
  }

  // Sends the reply, or the question that starts an article's discussion, and shows the thread.
  function sendText() {
    var box = compose();
    var field = part('textarea');
    var body = encodeURIComponent(box.getAttribute('data-field')) + '=' + encodeURIComponent(field.value) + '&submission=' + pending;
    var article = box.getAttribute('data-article');
    if (article) body += '&article=' + encodeURIComponent(article);
    // The help article's key, so the thread that comes back keeps it for "Did you find your answer?".
    var key = root.querySelector('form[data-feedback] input[name="key"]');
    if (key) body += '&key=' + encodeURIComponent(key.value);
    say('.embed-compose-notice', '');
    say('.embed-compose-error', '');
    request('POST', box.getAttribute('data-post') + query, body).then(function (result) {
      if (!result.ok) {
        if (result.data.error && result.data.error.signIn) { token = null; username = null; show(); }
        return say('.embed-compose-error', result.data.error && result.data.error.message);
      }
      pending = submission();
      if (result.data.html) replaceThread(result.data.html);
      show();
      say('.embed-compose-notice', result.data.notice);
    }, function () { say('.embed-compose-error', box.getAttribute('data-network-error')); });
  }

  /*
   * "Did you find your answer?" (docs/decisions/0050-feedback-tokens.md): the sandbox allows no
   * form submission, so a button of the box sends its form here, with the frame's session if any.
   * The answer comes back as the "What was missing?" form (with the signed token of an anonymous
   * answer), which takes the box's place.
   */
  function sendFeedback(form, pressed) {
    var body = new URLSearchParams(new FormData(form));
    if (pressed.name) body.set(pressed.name, pressed.value);
    var alert = form.querySelector('.feedback-failed');
    request('POST', form.getAttribute('action') + query, body.toString()).then(function (result) {
      if (typeof result.data.html !== 'string') throw new Error(result.data.error && result.data.error.message);
      var next = new DOMParser().parseFromString(result.data.html, 'text/html').body.firstElementChild;
      form.replaceWith(document.importNode(next, true));
    }).catch(function (error) {
      if (!alert) {
        alert = document.createElement('p');
        alert.className = 'feedback-failed embed-compose-error';
        alert.setAttribute('role', 'alert');
        form.appendChild(alert);
      }
      alert.textContent = (error && error.message) || (compose() && compose().getAttribute('data-network-error')) || '';
    });
  }

  root.addEventListener('click', function (event) {
    var pressed = event.target instanceof Element ? event.target.closest('form[data-feedback] button') : null;
    if (pressed) {
      event.preventDefault();
      sendFeedback(pressed.form, pressed);
      return;
    }
    var button = event.target instanceof Element ? event.target.closest('button[data-action]') : null;
    if (!button) return;
    if (button.getAttribute('data-action') === 'sign-in') signIn();
    if (button.getAttribute('data-action') === 'send') sendText();
  });

  if (compose()) {
    show();
    request('GET', '/embed/session' + query).then(function (result) {
      if (result.ok && result.data.username && username === null) { username = result.data.username; show(); }
    }, function () {});
  }
})();
