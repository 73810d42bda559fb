/**
 * Our implementations of the ajv-formats *full mode* formats that are functions rather than regular expressions
 * (regular-expression formats are inlined by ajv itself as literals). They give the same answers as ajv-formats,
 * quirks included, because the in-memory validator (ajv + ajv-formats) and the generated one must never disagree;
 * test/emit/validators/formats.test.ts checks that differentially.
 *
 * Like runtime.ts, each function is copied into generated code as its source text: only parameters, built-ins and
 * other `llmc*` names may appear in a body.
 */

/** RFC 3339 full-date: YYYY-MM-DD with a real month and a day that exists in that month (leap years included). */
export function llmcDate(str: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(str);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= monthDays[month - 1]!;
}

/**
 * RFC 3339 time (`HH:MM:SS[.frac]` and an offset, mandatory when `requireOffset`). Second 60 is a leap second and
 * only valid when the time is 23:59 in UTC. ajv-formats computes UTC with a one-hour borrow when the minutes go
 * negative and accepts UTC hour 23 or -1 (23 of the previous day); we do the same arithmetic so out-of-range
 * inputs such as `24:00:60+00:01` get the same answer.
 */
export function llmcTimeOf(str: string, requireOffset: boolean): boolean {
  const match = /^(\d{2}):(\d{2}):(\d{2}(?:\.\d+)?)(?:([zZ])|([+-])(\d{2})(?::?(\d{2}))?)?$/.exec(str);
  if (match === null) return false;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  const second = Number(match[3]);
  const hasOffset = match[4] !== undefined || match[5] !== undefined;
  const sign = match[5] === "-" ? -1 : 1;
  const offsetHour = Number(match[6] ?? 0);
  const offsetMinute = Number(match[7] ?? 0);
  if (offsetHour > 23 || offsetMinute > 59 || (requireOffset && !hasOffset)) return false;
  if (hour <= 23 && minute <= 59 && second < 60) return true;
  const utcMinute = minute - sign * offsetMinute;
  const utcHour = hour - sign * offsetHour - (utcMinute < 0 ? 1 : 0);
  return (utcHour === 23 || utcHour === -1) && (utcMinute === 59 || utcMinute === -1) && second < 61;
}

/** Format `time`: RFC 3339, offset required. */
export function llmcTime(str: string): boolean {
  return llmcTimeOf(str, true);
}

/** Format `iso-time`: like `time`, offset optional. */
export function llmcIsoTime(str: string): boolean {
  return llmcTimeOf(str, false);
}

/** A date and a time separated by exactly one `T`, `t` or whitespace character (ajv-formats accepts all three). */
export function llmcDateTimeOf(str: string, requireOffset: boolean): boolean {
  const parts = str.split(/[Tt\s]/);
  return parts.length === 2 && llmcDate(parts[0]!) && llmcTimeOf(parts[1]!, requireOffset);
}

/** Format `date-time`: RFC 3339, offset required. */
export function llmcDateTime(str: string): boolean {
  return llmcDateTimeOf(str, true);
}

/** Format `iso-date-time`: like `date-time`, offset optional. */
export function llmcIsoDateTime(str: string): boolean {
  return llmcDateTimeOf(str, false);
}

/**
 * RFC 3986 absolute URI (scheme required, fragment allowed), composed from the RFC's ABNF. Two deviations
 * reproduce ajv-formats: an IPv4 octet may have leading zeros (`010`), and the hier-part may not be empty
 * (`a:` and `a:?q` are rejected).
 */
function uriPattern(): RegExp {
  const hex = "[0-9a-f]";
  const pctEncoded = `%${hex}{2}`;
  const unreserved = "a-z0-9\\-._~";
  const subDelims = "!$&'()*+,;=";
  const pchar = `(?:[${unreserved}${subDelims}:@]|${pctEncoded})`;
  const h16 = `${hex}{1,4}`;
  const decOctet = "(?:25[0-5]|2[0-4]\\d|[01]?\\d\\d?)";
  const ipv4 = `(?:${decOctet}\\.){3}${decOctet}`;
  const ls32 = `(?:${h16}:${h16}|${ipv4})`;
  // `[ *n( h16 ":" ) h16 ]` in the IPv6address rule.
  const head = (n: number): string => `(?:(?:${h16}:){0,${n}}${h16})?`;
  const ipv6 = [
    `(?:${h16}:){6}${ls32}`,
    `::(?:${h16}:){5}${ls32}`,
    `${head(0)}::(?:${h16}:){4}${ls32}`,
    `${head(1)}::(?:${h16}:){3}${ls32}`,
    `${head(2)}::(?:${h16}:){2}${ls32}`,
    `${head(3)}::${h16}:${ls32}`,
    `${head(4)}::${ls32}`,
    `${head(5)}::${h16}`,
    `${head(6)}::`,
  ].join("|");
  const ipvFuture = `v${hex}+\\.[${unreserved}${subDelims}:]+`;
  const host = `(?:\\[(?:${ipv6}|${ipvFuture})\\]|${ipv4}|(?:[${unreserved}${subDelims}]|${pctEncoded})*)`;
  const userinfo = `(?:[${unreserved}${subDelims}:]|${pctEncoded})*`;
  // ajv-formats lets the authority follow one slash as well as two; the extra strings it accepts are all
  // path-absolute URIs anyway.
  const withAuthority = `\\/?\\/(?:${userinfo}@)?${host}(?::\\d*)?(?:\\/${pchar}*)*`;
  const absolutePath = `\\/(?:${pchar}+(?:\\/${pchar}*)*)?`;
  const rootlessPath = `${pchar}+(?:\\/${pchar}*)*`;
  const queryOrFragment = `(?:[${unreserved}${subDelims}:@\\/?]|${pctEncoded})*`;
  const scheme = "[a-z][a-z0-9+\\-.]*";
  return new RegExp(
    `^${scheme}:(?:${withAuthority}|${absolutePath}|${rootlessPath})(?:\\?${queryOrFragment})?(?:#${queryOrFragment})?$`,
    "i",
  );
}

/** Built once; emitted as a regular-expression literal next to `llmcUri`. */
export const llmcUriPattern = uriPattern();

/**
 * The common shape of a URI: a scheme, `//`, a host of unreserved characters, an optional port and a path of plain
 * `pchar`s (no `%` escape, no query, no fragment). Every string it matches `llmcUriPattern` matches too (the
 * authority branch, no userinfo, a reg-name host), so trying it first changes no answer; V8 runs it in a fraction
 * of the time of the whole grammar, which the fast path and then the collector both run on each URI of an invalid
 * document (issue 20: SchemaStore chart, one error, parse… 1.2x ajv all-errors with the grammar alone).
 * test/emit/validators/formats.test.ts holds it inside the grammar.
 */
export const llmcUriPlain = /^[a-z][a-z0-9+\-.]*:\/\/[a-z0-9\-._~]+(?::\d*)?(?:\/[a-z0-9\-._~!$&'()*+,;=:@]*)*$/i;

/** Format `uri`. */
export function llmcUri(str: string): boolean {
  return llmcUriPlain.test(str) || llmcUriPattern.test(str);
}

/**
 * Format `regex`: compiles as an ECMA-262 pattern (no flags, as ajv-formats). A `\Z` after a non-backslash is
 * rejected: it is Python's end anchor, which JavaScript would silently read as a literal `Z`.
 */
export function llmcRegex(str: string): boolean {
  if (/[^\\]\\Z/.test(str)) return false;
  try {
    new RegExp(str);
    return true;
  } catch {
    return false;
  }
}

/**
 * Format `byte` (OpenAPI base64). ajv-formats tests its pattern in multiline mode, so a string is accepted when
 * any one of its lines is padded base64 (an empty line counts); we split on the same line terminators.
 */
export function llmcByte(str: string): boolean {
  return str
    .split(/[\n\r\u2028\u2029]/)
    .some((line) => /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(line));
}

/** Format `int32` (numbers): an integer in [-2^31, 2^31 - 1]. */
export function llmcInt32(value: number): boolean {
  return Number.isInteger(value) && value >= -2147483648 && value <= 2147483647;
}

/** Format `int64` (numbers): any integer; JSON numbers beyond 2^53 are already rounded. */
export function llmcInt64(value: number): boolean {
  return Number.isInteger(value);
}

/** Formats `float` and `double` (numbers): any number passes; the format only documents precision. */
export function llmcAnyNumber(): boolean {
  return true;
}

/**
 * A format declared in the project config by a regular expression (`"formats": {"semver": "^\\d+\\.\\d+$"}`),
 * compiled once per generated module with the "u" flag, like `pattern`. The source reaches generated code as a
 * string literal made by escape.ts (see inline.ts), never as code.
 */
export function llmcPatternFormat(source: string): (str: string) => boolean {
  const re = new RegExp(source, "u");
  return (str) => re.test(str);
}

/**
 * How generated code reaches each function format: ajv emits `formats.<name>.validate(x)` when ajv-formats
 * registered a `{validate, compare}` definition and `formats.<name>(x)` when it registered a bare function, so our
 * object has the same shape per name.
 */
export const FUNCTION_FORMATS: Readonly<
  Record<string, { readonly fn: (value: never) => boolean; readonly wrapped: boolean }>
> = {
  date: { fn: llmcDate, wrapped: true },
  time: { fn: llmcTime, wrapped: true },
  "date-time": { fn: llmcDateTime, wrapped: true },
  "iso-time": { fn: llmcIsoTime, wrapped: true },
  "iso-date-time": { fn: llmcIsoDateTime, wrapped: true },
  uri: { fn: llmcUri, wrapped: false },
  regex: { fn: llmcRegex, wrapped: false },
  byte: { fn: llmcByte, wrapped: false },
  int32: { fn: llmcInt32, wrapped: true },
  int64: { fn: llmcInt64, wrapped: true },
  float: { fn: llmcAnyNumber, wrapped: true },
  double: { fn: llmcAnyNumber, wrapped: true },
};

/** The inlined implementation of a function format, looked up as an own property (format names are schema data). */
export function functionFormat(name: string): (typeof FUNCTION_FORMATS)[string] | undefined {
  return Object.prototype.hasOwnProperty.call(FUNCTION_FORMATS, name) ? FUNCTION_FORMATS[name] : undefined;
}
