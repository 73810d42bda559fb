/**
 * Deterministic inputs for differential tests: hand-picked edge cases plus strings assembled from random pieces
 * (a seeded generator, so a failure reproduces).
 */

/** Small seeded PRNG (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

/** `count` strings, each a concatenation of one random choice from every piece list. */
function combine(seed: number, count: number, pieces: readonly (readonly string[])[]): string[] {
  const rand = random(seed);
  return Array.from({ length: count }, () => pieces.map((choices) => pick(rand, choices)).join(""));
}


const YEARS = ["0000", "1900", "1996", "2000", "2023", "2024", "2100", "9999", "123", "12345", "２０２０", "٢٠٢٠"];
const MONTHS = ["00", "01", "02", "04", "09", "11", "12", "13", "1", "99"];
const DAYS = ["00", "01", "28", "29", "30", "31", "32", "1", "9"];
const HOURS = ["00", "09", "12", "23", "24", "25", "99", "0", "1"];
const MINUTES = ["00", "30", "59", "60", "61", "99", "5"];
const SECONDS = ["00", "30", "59", "60", "61", "59.5", "60.999", "59.999999999999999", "00.", "00.1Z"];
const OFFSETS = [
  "",
  "Z",
  "z",
  "+00:00",
  "-00:00",
  "+01:00",
  "-01:00",
  "+00:01",
  "-00:01",
  "+23:59",
  "+24:00",
  "+01:60",
  "+0530",
  "+05",
  "-5:00",
  "+05:30:00",
  " Z",
];
const SEPARATORS = ["T", "t", " ", "\t", "\n", "_", "", "TT", "\u00a0", "\u2003"];

export function dateStrings(): string[] {
  const edge = [
    "",
    "2020-02-29",
    "2019-02-29",
    "1900-02-29",
    "2000-02-29",
    "2024-04-31",
    "2020-12-31",
    "2020-01-01\n",
    " 2020-01-01",
    "2020/01/01",
    "20200101",
  ];
  return [...edge, ...combine(1, 300, [YEARS, ["-"], MONTHS, ["-", "", "/"], DAYS])];
}

export function timeStrings(): string[] {
  const edge = [
    "23:59:60Z",
    "23:59:60+00:00",
    "00:59:60+01:00",
    "22:59:60-01:00",
    "23:58:60-00:01",
    "00:00:60+00:01",
    "24:00:60+00:01",
    "22:60:60-00:59",
    "23:59:60",
    "12:00:00",
    "12:00:00.Z",
  ];
  return [...edge, ...combine(2, 400, [HOURS, [":"], MINUTES, [":", ""], SECONDS, OFFSETS])];
}

export function dateTimeStrings(): string[] {
  const times = combine(3, 60, [HOURS, [":"], MINUTES, [":"], SECONDS, OFFSETS]);
  const dates = combine(4, 40, [YEARS, ["-"], MONTHS, ["-"], DAYS]);
  const edge = [
    "2016-12-31T23:59:60Z",
    "2016-12-31t23:59:60+00:00",
    "2020-02-29 12:00:00Z",
    "2020-02-29T12:00:00",
    "2020-02-29T12:00:00ZT",
    "T12:00:00Z",
  ];
  return [...edge, ...combine(5, 400, [dates, SEPARATORS, times])];
}

export function uriStrings(): string[] {
  const schemes = ["http", "HTTPS", "a", "a+b-c.d", "1a", "", "urn", "mailto", "h_t"];
  const afterScheme = ["://", ":/", ":", ":///", "//", ""];
  const userinfo = ["", "", "user@", "u:p@", "%41@", "%zz@", "a@b@", "[x]@"];
  const hosts = [
    "example.com",
    "EXAMPLE.com",
    "",
    "[::1]",
    "[v1.x]",
    "[V7.a:b]",
    "[::ffff:1.2.3.4]",
    "[1:2:3:4:5:6:7:8]",
    "[1::2::3]",
    "[1:2:3:4:5:6:7:8:9]",
    "[::01.2.3.4]",
    "1.2.3.4",
    "01.02.03.004",
    "256.1.1.1",
    "ex ample",
    "[fe80::1%25en0]",
    "ex%41mple",
    "ü.com",
  ];
  const ports = ["", "", ":80", ":", ":8a", ":65536", "::"];
  const paths = ["", "/", "/a/b", "//", "/a b", "/%41", "/%4", "/[x]", "/a:b", "/ü", "a/b", "/a@b", "/'()*"];
  const queries = ["", "", "?", "?a=b", "?a b", "?%zz", "?[", "?/?", "?a|b"];
  const fragments = ["", "", "#", "#f", "#a#b", "#%20", "#é", "#/x?y", "#\\"];
  const edge = [
    "a:",
    "a:?q",
    "a:#f",
    "http:",
    "foo:bar",
    "//example.com",
    "/relative",
    "relative",
    "\\\\server\\share",
    "http://example.com/\n",
    "mailto:a@b.c",
    "urn:isbn:0451450523",
    "tel:+1-816-555-1212",
  ];
  return [...edge, ...combine(6, 600, [schemes, afterScheme, userinfo, hosts, ports, paths, queries, fragments])];
}

export function regexStrings(): string[] {
  const pieces = [
    "a",
    "[",
    "]",
    "(",
    ")",
    "(?<n>x)",
    "\\Z",
    "\\\\",
    "\\a",
    "(?<=a)",
    "\\p{L}",
    "\\u{1F600}",
    "*",
    "a{2,1}",
    "[z-a]",
    "(?i)",
    "\\d+",
    "^",
    "$",
    "|",
    "\\",
    "{",
    "}",
    "\\k<n>",
    "\\1",
    "?",
  ];
  const edge = ["", "\\Z", "a\\Z", "\\\\Z", "a\\\\Z", "^\\Z$", "[\\Z]", "x\\\\\\Z"];
  return [...edge, ...combine(7, 300, [pieces, pieces, pieces])];
}

export function byteStrings(): string[] {
  const rand = random(8);
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\n\r !-_\u2028";
  const edge = [
    "",
    "QUJD",
    "QUI=",
    "QQ==",
    "Q===",
    "QUJDRA",
    "!!!\n",
    "\nQUJD",
    "QU JD",
    "QUJD\r\nQUJD",
    "====",
    "\u2028",
    "!!!",
    "!!!\r\n!!!",
    "QUJD\u2029!",
  ];
  const generated = Array.from({ length: 300 }, () => {
    const length = Math.floor(rand() * 14);
    return Array.from({ length }, () => pick(rand, alphabet.split(""))).join("");
  });
  return [...edge, ...generated];
}

export function numbers(): number[] {
  const rand = random(9);
  const edge = [
    0,
    -0,
    1,
    -1,
    1.5,
    -1.5,
    2 ** 31 - 1,
    2 ** 31,
    -(2 ** 31),
    -(2 ** 31) - 1,
    2 ** 53,
    2 ** 53 + 2,
    -(2 ** 53),
    1e308,
    -1e308,
    5e-324,
    0.1 + 0.2,
  ];
  const generated = Array.from({ length: 300 }, () => {
    const magnitude = 10 ** Math.floor(rand() * 20);
    const value = (rand() - 0.5) * magnitude;
    return rand() < 0.5 ? Math.round(value) : value;
  });
  return [...edge, ...generated];
}

/** Random JSON values: small, with repeated keys and values so equal pairs happen often. */
export function jsonValue(rand: () => number, depth = 0): unknown {
  const leafs: unknown[] = [0, -0, 1, "1", "", "a", true, false, null, 1.5];
  const roll = rand();
  if (depth > 3 || roll < 0.5) return pick(rand, leafs);
  if (roll < 0.75) return Array.from({ length: Math.floor(rand() * 3) }, () => jsonValue(rand, depth + 1));
  const keys = ["a", "b", "toString", "valueOf", "constructor", "__proto__", "length", "0"];
  const entries = Array.from({ length: Math.floor(rand() * 3) }, () => [pick(rand, keys), jsonValue(rand, depth + 1)]);
  // Through JSON.parse, as real data arrives: `__proto__` becomes an own property, not the prototype.
  return JSON.parse(JSON.stringify(Object.fromEntries(entries))) as unknown;
}

/** Random strings mixing ASCII, BMP characters and well-formed and lone surrogates. */
export function unicodeStrings(): string[] {
  const rand = random(10);
  const units = [
    "a",
    "é",
    "\u4e2d",
    "\ud83d\ude00",
    "\ud83d",
    "\ude00",
    "\udbff\udfff",
    "\ud800",
    "\udc00\ud800",
    "\u0000",
    "\uffff",
  ];
  return Array.from({ length: 400 }, () =>
    Array.from({ length: Math.floor(rand() * 6) }, () => pick(rand, units)).join(""),
  );
}
