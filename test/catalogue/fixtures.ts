/** Projects the catalogue tests share: the bundled examples, a hostile-text contract, a contract with an unacknowledged break. */
import { contractFiles, makeProject } from "../util/project.js";

/** Markup in every place schema text reaches a page: titles, descriptions, enum values, property names, examples. */
export const HOSTILE = {
  title: "<script>document.title='pwned'</script>Refund",
  description: `<img src="https://example.invalid/x.png" onerror="alert(1)"> & "quoted" 'single'`,
  enumValue: "</code></pre><b>bold</b><iframe src=x>",
  property: "<i>name</i>",
  manifest: `<a href="https://example.invalid/">click</a> </main><style>body{display:none}</style>`,
  example: "<svg onload=alert(1)>",
} as const;

export function hostileProject(): string {
  const v1 = {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: HOSTILE.title,
    description: HOSTILE.description,
    type: "object",
    properties: {
      [HOSTILE.property]: { type: "string", description: HOSTILE.description },
      status: { enum: ["open", HOSTILE.enumValue], description: HOSTILE.title },
    },
    required: ["status"],
    additionalProperties: false,
  };
  const v2 = { ...v1, properties: { ...v1.properties, status: { enum: ["open"], description: HOSTILE.title } } };
  const files = contractFiles("hostile", [v1, v2]);
  files["schemas/hostile/contract.json"] = { kind: "model-output", compatibility: "backward", description: HOSTILE.manifest, providers: ["anthropic"] };
  return makeProject({ ...files, "schemas/hostile/examples/v1/valid/markup.json": { status: HOSTILE.enumValue, [HOSTILE.property]: HOSTILE.example } });
}

/** A backward contract whose v2 removes an enum value, with no acknowledgement and no migration: drift fails. */
export function breakingProject(): string {
  const schema = (values: string[]) => ({
    $schema: "https://json-schema.org/draft/2020-12/schema",
    type: "object",
    properties: { priority: { enum: values } },
    required: ["priority"],
    additionalProperties: false,
  });
  const files = contractFiles("triage", [schema(["low", "high", "urgent"]), schema(["low", "high"])]);
  files["schemas/triage/contract.json"] = { kind: "model-output", compatibility: "backward" };
  return makeProject(files);
}
