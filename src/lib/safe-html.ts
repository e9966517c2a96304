declare const safeHtmlBrand: unique symbol;

/** HTML that came out of the sanitizer. Only this type may be passed to hono's `raw()`. */
export type SafeHtml = string & { readonly [safeHtmlBrand]: true };

/** Marks sanitizer output (or HTML read back from the posts table, which only ever stores sanitizer output). */
export function trustSanitized(html: string): SafeHtml {
  return html as SafeHtml;
}
