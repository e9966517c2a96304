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
})();
