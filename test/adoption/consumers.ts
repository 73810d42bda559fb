/**
 * The four kinds of consumer project the pack-and-install test builds, as files. Each one imports the generated
 * validators the way its kind does, and its program prints one JSON line the test compares.
 */
const STRICT = { strict: true, skipLibCheck: true, types: [] as string[], target: "ES2022" };

/** What every consumer program prints: a parsed model output, a rejected one, and two tool-argument checks. */
export const EXPECTED_OUTPUT = JSON.stringify({
  ok: true,
  category: "bug",
  truncated: "json.truncated",
  valid: true,
  invalid: false,
});

const PROGRAM_BODY = `const good = parseSupportReplyText('{"answer": "On it.", "category": "bug", "needs_human": true}');
const cut = parseSupportReplyText('{"answer": "On');
console.log(JSON.stringify({
  ok: good.ok,
  category: good.ok ? good.value.category : null,
  truncated: cut.ok ? null : cut.errors[0]?.code,
  valid: isLookupOrder({ order_id: "ord_12345678", include_items: false }),
  invalid: isLookupOrder({ order_id: "nope", include_items: false }),
}));
`;

export interface Consumer {
  /** Folder under the installed project. */
  readonly dir: string;
  readonly files: Readonly<Record<string, string>>;
}

const json = (v: unknown): string => `${JSON.stringify(v, null, 2)}\n`;

/** TypeScript ESM for Node: "module": "NodeNext", rootDir src (generated/ must go inside it). */
export const TS_NODENEXT: Consumer = {
  dir: "ts-nodenext",
  files: {
    "package.json": json({ name: "ts-nodenext", private: true, type: "module" }),
    "tsconfig.json": json({ compilerOptions: { ...STRICT, module: "NodeNext", moduleResolution: "NodeNext", rootDir: "src", outDir: "dist", verbatimModuleSyntax: true }, include: ["src"] }),
    "src/main.ts": `import { parseSupportReplyText, isLookupOrder } from "./generated/index.js";\n${PROGRAM_BODY}`,
  },
};

/** A frontend: "moduleResolution": "Bundler", type-checked with tsc --noEmit and bundled by esbuild. */
export const BUNDLER: Consumer = {
  dir: "bundler",
  files: {
    "package.json": json({ name: "bundler", private: true, type: "module" }),
    "tsconfig.json": json({ compilerOptions: { ...STRICT, module: "ESNext", moduleResolution: "Bundler", noEmit: true, isolatedModules: true, lib: ["ES2022", "DOM"] }, include: ["src"] }),
    "src/app.ts": `import { parseSupportReplyText, isLookupOrder } from "./generated/index.js";\n${PROGRAM_BODY}`,
  },
};

/** Plain JavaScript ESM run by node directly (no tsconfig: init picks "emit": "js"). */
export const PLAIN_JS: Consumer = {
  dir: "plain-js",
  files: {
    "package.json": json({ name: "plain-js", private: true, type: "module" }),
    "main.js": `// @ts-check\nimport { parseSupportReplyText, isLookupOrder } from "./generated/index.js";\n${PROGRAM_BODY}`,
  },
};

/** TypeScript compiled to CommonJS ("module": "commonjs"), run by node as CommonJS. */
export const TS_COMMONJS: Consumer = {
  dir: "ts-commonjs",
  files: {
    "package.json": json({ name: "ts-commonjs", private: true, type: "commonjs" }),
    "tsconfig.json": json({ compilerOptions: { ...STRICT, module: "commonjs", moduleResolution: "node10", rootDir: "src", outDir: "dist", esModuleInterop: true }, include: ["src"] }),
    "src/main.ts": `import { parseSupportReplyText, isLookupOrder } from "./generated/index.js";\n${PROGRAM_BODY}`,
  },
};
