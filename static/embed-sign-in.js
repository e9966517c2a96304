/*
 * Hearth embed sign-in popup: gives the code to the frame that opened this window and closes.
 * The message is addressed to this page's own origin, the community's: the frame that opened the
 * popup lives there (inside the help center's page), while a page of any other site that opened
 * it never receives the message.
 */
(function () {
  'use strict';
  var section = document.getElementById('embed-sign-in');
  var code = section && section.getAttribute('data-code');
  if (!code || !window.opener) return;
  window.opener.postMessage({ hearth: { type: 'signedIn', code: code } }, location.origin);
  window.close();
})();
