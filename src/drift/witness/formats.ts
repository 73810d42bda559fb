/** Example strings per ajv-formats format (full mode), for the witness generator. Confirmation checks them. */
const EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  "date": ["2024-01-31", "1999-12-01"],
  "time": ["12:30:00Z", "23:59:59+01:00"],
  "date-time": ["2024-01-31T12:30:00Z", "1999-12-01T00:00:00+02:00"],
  "iso-time": ["12:30:00Z"],
  "iso-date-time": ["2024-01-31T12:30:00Z"],
  "duration": ["P1D", "PT1H"],
  "uri": ["https://example.com/a", "urn:isbn:0451450523"],
  "uri-reference": ["https://example.com/a", "/relative/path"],
  "uri-template": ["https://example.com/{id}"],
  "url": ["https://example.com/a"],
  "email": ["user@example.com", "a.b@example.org"],
  "hostname": ["example.com", "localhost"],
  "ipv4": ["192.0.2.1", "10.0.0.1"],
  "ipv6": ["2001:db8::1", "::1"],
  "regex": ["^a+$", "[0-9]"],
  "uuid": ["123e4567-e89b-12d3-a456-426614174000", "00000000-0000-4000-8000-000000000000"],
  "json-pointer": ["/a/b", ""],
  "json-pointer-uri-fragment": ["#/a/b"],
  "relative-json-pointer": ["1/a", "0"],
  "byte": ["aGVsbG8=", "YQ=="],
  "int32": [],
  "int64": [],
  "float": [],
  "double": [],
  "password": ["secret", "x"],
  "binary": ["abc"],
};

export function formatExample(format: string, variant: number): string | undefined {
  const list = EXAMPLES[format];
  return list === undefined || list.length === 0 ? undefined : list[variant % list.length];
}

/** Strings to try against a new or changed format: some valid under common formats, some not. */
export const FORMAT_PROBES: readonly string[] = [...new Set(Object.values(EXAMPLES).flat()), "not a formatted value", ""];
