// BRAND_COLOR as red/green/blue bytes, for the one place that needs pixels rather than CSS: the
// favicon.ico (src/lib/favicon.ts). Reads the forms the configuration accepts: hex, CSS colour
// names, rgb(), hsl() and oklch(); anything else answers null and the caller falls back.

export type Rgba = { red: number; green: number; blue: number; alpha: number };

const namedColors = new Map(
  (
    'aliceblue:f0f8ff antiquewhite:faebd7 aqua:00ffff aquamarine:7fffd4 azure:f0ffff beige:f5f5dc ' +
    'bisque:ffe4c4 black:000000 blanchedalmond:ffebcd blue:0000ff blueviolet:8a2be2 brown:a52a2a ' +
    'burlywood:deb887 cadetblue:5f9ea0 chartreuse:7fff00 chocolate:d2691e coral:ff7f50 cornflowerblue:6495ed ' +
    'cornsilk:fff8dc crimson:dc143c cyan:00ffff darkblue:00008b darkcyan:008b8b darkgoldenrod:b8860b ' +
    'darkgray:a9a9a9 darkgreen:006400 darkgrey:a9a9a9 darkkhaki:bdb76b darkmagenta:8b008b ' +
    'darkolivegreen:556b2f darkorange:ff8c00 darkorchid:9932cc darkred:8b0000 darksalmon:e9967a ' +
    'darkseagreen:8fbc8f darkslateblue:483d8b darkslategray:2f4f4f darkslategrey:2f4f4f darkturquoise:00ced1 ' +
    'darkviolet:9400d3 deeppink:ff1493 deepskyblue:00bfff dimgray:696969 dimgrey:696969 dodgerblue:1e90ff ' +
    'firebrick:b22222 floralwhite:fffaf0 forestgreen:228b22 fuchsia:ff00ff gainsboro:dcdcdc ghostwhite:f8f8ff ' +
    'gold:ffd700 goldenrod:daa520 gray:808080 green:008000 greenyellow:adff2f grey:808080 honeydew:f0fff0 ' +
    'hotpink:ff69b4 indianred:cd5c5c indigo:4b0082 ivory:fffff0 khaki:f0e68c lavender:e6e6fa ' +
    'lavenderblush:fff0f5 lawngreen:7cfc00 lemonchiffon:fffacd lightblue:add8e6 lightcoral:f08080 ' +
    'lightcyan:e0ffff lightgoldenrodyellow:fafad2 lightgray:d3d3d3 lightgreen:90ee90 lightgrey:d3d3d3 ' +
    'lightpink:ffb6c1 lightsalmon:ffa07a lightseagreen:20b2aa lightskyblue:87cefa lightslategray:778899 ' +
    'lightslategrey:778899 lightsteelblue:b0c4de lightyellow:ffffe0 lime:00ff00 limegreen:32cd32 linen:faf0e6 ' +
    'magenta:ff00ff maroon:800000 mediumaquamarine:66cdaa mediumblue:0000cd mediumorchid:ba55d3 ' +
    'mediumpurple:9370db mediumseagreen:3cb371 mediumslateblue:7b68ee mediumspringgreen:00fa9a ' +
    'mediumturquoise:48d1cc mediumvioletred:c71585 midnightblue:191970 mintcream:f5fffa mistyrose:ffe4e1 ' +
    'moccasin:ffe4b5 navajowhite:ffdead navy:000080 oldlace:fdf5e6 olive:808000 olivedrab:6b8e23 ' +
    'orange:ffa500 orangered:ff4500 orchid:da70d6 palegoldenrod:eee8aa palegreen:98fb98 paleturquoise:afeeee ' +
    'palevioletred:db7093 papayawhip:ffefd5 peachpuff:ffdab9 peru:cd853f pink:ffc0cb plum:dda0dd ' +
    'powderblue:b0e0e6 purple:800080 rebeccapurple:663399 red:ff0000 rosybrown:bc8f8f royalblue:4169e1 ' +
    'saddlebrown:8b4513 salmon:fa8072 sandybrown:f4a460 seagreen:2e8b57 seashell:fff5ee sienna:a0522d ' +
    'silver:c0c0c0 skyblue:87ceeb slateblue:6a5acd slategray:708090 slategrey:708090 snow:fffafa ' +
    'springgreen:00ff7f steelblue:4682b4 tan:d2b48c teal:008080 thistle:d8bfd8 tomato:ff6347 turquoise:40e0d0 ' +
    'violet:ee82ee wheat:f5deb3 white:ffffff whitesmoke:f5f5f5 yellow:ffff00 yellowgreen:9acd32'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

const clampByte = (value: number) => Math.round(Math.min(255, Math.max(0, value)));
const unit = (value: number) => Math.min(1, Math.max(0, value));

function fromHex(hex: string): Rgba | null {
  const digits = hex.length <= 4 ? [...hex].map((digit) => digit + digit).join('') : hex;
  if (!/^(?:[0-9a-f]{6}|[0-9a-f]{8})$/i.test(digits)) return null;
  const byte = (index: number) => parseInt(digits.slice(index * 2, index * 2 + 2), 16);
  return { red: byte(0), green: byte(1), blue: byte(2), alpha: digits.length === 8 ? byte(3) / 255 : 1 };
}

/** `50%` → 0.5 of `whole`; a bare number as it is. */
function amount(text: string | undefined, whole: number): number {
  if (text === undefined || text === 'none') return 0;
  return text.endsWith('%') ? (parseFloat(text) / 100) * whole : parseFloat(text);
}

function alphaOf(text: string | undefined): number {
  return text === undefined ? 1 : unit(amount(text, 1));
}

function fromHsl(hue: number, saturation: number, lightness: number): [number, number, number] {
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const channel = (offset: number) => {
    const k = (offset + hue / 30) % 12;
    return lightness - chroma / 2 * Math.max(-1, Math.min(k - 3, 9 - k, 1));
  };
  return [channel(0) * 255, channel(8) * 255, channel(4) * 255];
}

/** OKLCH → sRGB (Björn Ottosson's OKLab matrices), gamut-clipped. */
function fromOklch(lightness: number, chroma: number, hue: number): [number, number, number] {
  const a = chroma * Math.cos((hue * Math.PI) / 180);
  const b = chroma * Math.sin((hue * Math.PI) / 180);
  const l = (lightness + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (lightness - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (lightness - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const linear = [
    4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s,
  ];
  return linear.map((value) => {
    const clipped = unit(value);
    return 255 * (clipped <= 0.0031308 ? 12.92 * clipped : 1.055 * clipped ** (1 / 2.4) - 0.055);
  }) as [number, number, number];
}

function fromFunction(name: string, args: string[]): [number, number, number] | null {
  const [first, second, third] = args;
  if (name === 'rgb') return [amount(first, 255), amount(second, 255), amount(third, 255)];
  const hue = ((parseFloat(name === 'oklch' ? (third ?? '0') : (first ?? '0')) % 360) + 360) % 360;
  if (name === 'hsl') return fromHsl(hue, unit(amount(second, 1) / (second?.endsWith('%') ? 1 : 100)), unit(amount(third, 1) / (third?.endsWith('%') ? 1 : 100)));
  if (name === 'oklch') return fromOklch(unit(amount(first, 1)), Math.max(0, amount(second, 0.4)), hue);
  return null;
}

/** The colour, or null when it is not one of the forms above. */
export function parseCssColor(value: string): Rgba | null {
  const text = value.trim().toLowerCase();
  if (text.startsWith('#')) return fromHex(text.slice(1));
  const named = namedColors.get(text);
  if (named) return fromHex(named);
  const call = /^(rgb|hsl|oklch)a?\(([^)]*)\)$/.exec(text);
  if (!call) return null;
  const [body, alpha] = call[2]!.split('/');
  const args = body!.split(/[\s,]+/).filter(Boolean);
  const channels = fromFunction(call[1]!, args);
  if (!channels || args.length < 3 || channels.some((channel) => !Number.isFinite(channel))) return null;
  const [red, green, blue] = channels.map(clampByte) as [number, number, number];
  return { red, green, blue, alpha: alphaOf(alpha?.trim() ?? args[3]) };
}
