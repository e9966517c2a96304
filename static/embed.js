/*
 * Hearth embed loader. Turns placeholders into community discussions:
 *   <div data-hearth-thread="123"></div>  <div data-hearth-key="help-article-42"></div>
 *   <div data-hearth-category="kettles" data-hearth-limit="5"></div>
 *   <script async src="https://community.example.com/embed.js"></script>
 * Optional data-hearth-theme="light|dark|auto" (auto, the default, follows the page), and
 * data-hearth-locale="ar" for the embed's language (without it: the nearest lang attribute, i.e.
 * usually <html lang>; a language the community does not have gets the community's default).
 * Each placeholder gets a lazily loaded iframe that stays invisible until the frame says it is
 * ready, then takes the height of its content. Only attributes and textContent are written here,
 * never HTML. Messages: { hearth: { type, ... } }, checked for source and origin both ways.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src || !window.URL || !window.postMessage) return;
  var forum = new URL(script.src).origin;
  var SELECTOR = '[data-hearth-thread],[data-hearth-key],[data-hearth-category]';
  var FAIL_AFTER_MS = 3000;
  var embeds = [];
  var systemDark = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  // Filled in by the server from its catalog (src/embed/loader.ts): in each shipped language, the
  // frame's title and the link left when a frame fails; and the community's default language.
  var WORDS = {"en":["Community discussion","Open the discussion in the community"]};
  var DEFAULT_LOCALE = "en";

  // Tags match on language and script, as on the server (src/i18n/negotiate.ts): zh-CN means
  // zh-Hans, zh-TW matches nothing.
  function languageScript(tag) {
    try {
      var locale = new Intl.Locale(tag).maximize();
      return locale.language + '-' + locale.script;
    } catch (e) {
      return tag;
    }
  }

  // data-hearth-locale, else the nearest lang attribute (usually <html lang>), else the default.
  function localeOf(el) {
    var tag = el.getAttribute('data-hearth-locale');
    if (tag === null) tag = (el.closest('[lang]') || el).getAttribute('lang');
    var wanted = languageScript(tag || '-');
    for (var known in WORDS) if (languageScript(known) === wanted) return known;
    return DEFAULT_LOCALE;
  }

  // [frame path, community page for the fallback link], or null for a malformed placeholder.
  function target(el) {
    var id = el.getAttribute('data-hearth-thread');
    var key = el.getAttribute('data-hearth-key');
    var slug = el.getAttribute('data-hearth-category');
    if (id !== null) return /^[1-9][0-9]{0,14}$/.test(id) ? ['/embed/t/' + id, '/t/' + id] : null;
    if (key !== null) return /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/.test(key) ? ['/embed/k/' + encodeURIComponent(key), '/'] : null;
    return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug || '') ? ['/embed/c/' + slug, '/c/' + slug] : null;
  }

  function darkColor(color) {
    var m = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:[,/]\s*([\d.]+))?\)$/.exec(color);
    if (!m || (m[4] !== undefined && +m[4] < 0.5)) return null;
    return 0.2126 * m[1] + 0.7152 * m[2] + 0.0722 * m[3] < 128;
  }

  // The page's theme where the embed sits: the first opaque background behind it, then the usual
  // dark-mode switches on <html>/<body>, then the system setting.
  function pageTheme(el) {
    for (var node = el; node && node.nodeType === 1; node = node.parentElement) {
      var dark = darkColor(getComputedStyle(node).backgroundColor);
      if (dark !== null) return dark ? 'dark' : 'light';
    }
    var roots = [document.documentElement, document.body];
    for (var i = 0; i < roots.length; i++) {
      var root = roots[i];
      if (!root) continue;
      var hint = [root.className, root.getAttribute('data-theme'), root.getAttribute('data-bs-theme'), root.getAttribute('data-color-scheme')].join(' ');
      var scheme = getComputedStyle(root).colorScheme;
      if (/(^|[\s_-])dark([\s_-]|$)/.test(hint) || scheme === 'dark') return 'dark';
      if (/(^|[\s_-])light([\s_-]|$)/.test(hint) || scheme === 'light') return 'light';
    }
    return systemDark && systemDark.matches ? 'dark' : 'light';
  }

  function themeOf(embed) {
    var fixed = embed.el.getAttribute('data-hearth-theme');
    return fixed === 'light' || fixed === 'dark' ? fixed : pageTheme(embed.el);
  }

  function mount(el) {
    if (el.hasAttribute('data-hearth-state')) return;
    var where = target(el);
    if (!where) {
      el.setAttribute('data-hearth-state', 'invalid');
      return;
    }
    var frame = document.createElement('iframe');
    var embed = { el: el, frame: frame, page: forum + where[1], locale: localeOf(el), theme: 'light', loaded: false, inView: false, ready: false, timer: 0 };
    embed.theme = themeOf(embed);
    var url = new URL(where[0], forum);
    var limit = parseInt(el.getAttribute('data-hearth-limit'), 10);
    if (limit >= 1 && limit <= 20) url.searchParams.set('limit', String(limit));
    url.searchParams.set('origin', location.origin);
    // A key's frame (community page '/') may start the article's discussion; the server reads
    // the title from this page, and drops any #fragment.
    if (where[1] === '/') url.searchParams.set('article', location.href);
    url.searchParams.set('theme', embed.theme);
    url.searchParams.set('locale', embed.locale);
    frame.setAttribute('src', url.href);
    frame.setAttribute('title', WORDS[embed.locale][0]);
    frame.setAttribute('loading', 'lazy');
    frame.setAttribute('scrolling', 'no');
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox');
    var style = frame.style;
    style.display = 'block';
    style.width = '100%';
    style.border = '0';
    style.colorScheme = 'light'; // matches the frame's own: see the note in embed.css
    style.opacity = '0';
    style.height = '150px';
    if (el.children.length) {
      // A server-included fragment stays readable until the frame is ready, which waits on top of it.
      if (getComputedStyle(el).position === 'static') el.style.position = 'relative';
      style.position = 'absolute';
      style.top = '0';
      style.left = '0';
      style.pointerEvents = 'none';
    }
    frame.addEventListener('load', function () {
      embed.loaded = true;
      arm(embed);
    });
    if (watcher) watcher.observe(frame);
    el.setAttribute('data-hearth-state', 'loading');
    el.appendChild(frame);
    embeds.push(embed);
  }

  function show(embed) {
    var el = embed.el;
    var style = embed.frame.style;
    for (var i = 0; i < el.children.length; i++) {
      if (el.children[i] !== embed.frame) el.children[i].setAttribute('hidden', '');
    }
    embed.ready = true;
    clearTimeout(embed.timer);
    if (watcher) watcher.unobserve(embed.frame);
    style.position = '';
    style.pointerEvents = '';
    style.opacity = '1';
    el.setAttribute('data-hearth-state', 'ready');
    syncTheme(embed);
  }

  // Browsers do not render cross-origin frames while they are off-screen, so a frame only counts
  // as failed when it loaded, is in view, and still has not said it is ready.
  var watcher = window.IntersectionObserver ? new IntersectionObserver(function (entries) {
    for (var i = 0; i < entries.length; i++) {
      for (var j = 0; j < embeds.length; j++) {
        if (embeds[j].frame !== entries[i].target) continue;
        embeds[j].inView = entries[i].isIntersecting;
        arm(embeds[j]);
      }
    }
  }) : null;

  function arm(embed) {
    clearTimeout(embed.timer);
    if (!embed.loaded || embed.ready || (watcher && !embed.inView)) return;
    embed.timer = setTimeout(function () {
      if (!embed.ready) fail(embed);
    }, FAIL_AFTER_MS);
  }

  // The frame did not say hello (not allowed on this site, or offline): leave a plain link.
  function fail(embed) {
    var el = embed.el;
    if (watcher) watcher.unobserve(embed.frame);
    embeds.splice(embeds.indexOf(embed), 1);
    el.removeChild(embed.frame);
    el.setAttribute('data-hearth-state', 'failed');
    if (el.children.length) return;
    var link = document.createElement('a');
    link.setAttribute('href', embed.page);
    link.setAttribute('target', '_blank');
    link.setAttribute('rel', 'noopener');
    link.setAttribute('lang', embed.locale);
    link.textContent = WORDS[embed.locale][1];
    el.appendChild(link);
  }

  function syncTheme(embed) {
    var theme = themeOf(embed);
    if (!embed.ready || theme === embed.theme || !embed.frame.contentWindow) return;
    embed.theme = theme;
    embed.frame.contentWindow.postMessage({ hearth: { type: 'setTheme', theme: theme } }, forum);
  }

  // At most once per frame, however many attributes the page changes.
  var syncQueued = false;
  function syncAll() {
    if (syncQueued) return;
    syncQueued = true;
    requestAnimationFrame(function () {
      syncQueued = false;
      for (var i = 0; i < embeds.length; i++) syncTheme(embeds[i]);
    });
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== forum) return;
    var data = event.data && event.data.hearth;
    if (!data || typeof data.type !== 'string') return;
    for (var i = 0; i < embeds.length; i++) {
      var embed = embeds[i];
      if (embed.frame.contentWindow !== event.source) continue;
      if ((data.type === 'ready' || data.type === 'resize') && typeof data.height === 'number' && isFinite(data.height)) {
        embed.frame.style.height = Math.max(0, Math.min(Math.ceil(data.height), 100000)) + 'px';
        if (data.type === 'ready' && !embed.ready) show(embed);
      } else if (data.type === 'navigate' && typeof data.url === 'string' && data.url.indexOf(forum + '/') === 0) {
        // Informational: the link already opened in a new tab. Hosts may listen, e.g. for analytics.
        embed.el.dispatchEvent(new CustomEvent('hearth:navigate', { bubbles: true, detail: { url: data.url } }));
      }
      return;
    }
  });

  function scan(root) {
    if (root.nodeType !== 1) return;
    if (root.matches(SELECTOR)) mount(root);
    var found = root.querySelectorAll(SELECTOR);
    for (var i = 0; i < found.length; i++) mount(found[i]);
  }

  function start() {
    scan(document.documentElement);
    // Placeholders added later (single-page help centers), and theme switches on the page.
    new MutationObserver(function (records) {
      var themeChanged = false;
      for (var i = 0; i < records.length; i++) {
        var record = records[i];
        if (record.type === 'attributes') themeChanged = true;
        for (var j = 0; j < record.addedNodes.length; j++) scan(record.addedNodes[j]);
      }
      if (themeChanged) syncAll();
    }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'data-theme', 'data-bs-theme', 'data-color-scheme', 'data-hearth-theme'] });
    var roots = new MutationObserver(syncAll);
    roots.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });
    if (document.body) roots.observe(document.body, { attributes: true, attributeFilter: ['style'] });
    if (systemDark && systemDark.addEventListener) systemDark.addEventListener('change', syncAll);
    // A background that fades between themes is only final once its transition ends.
    document.addEventListener('transitionend', function (event) {
      if (event.propertyName === 'background-color') syncAll();
    }, true);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
