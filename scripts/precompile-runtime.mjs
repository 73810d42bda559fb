#!/usr/bin/env node
// Writes src/emit/javascript/precompiled.json: the runtime files every build copies into the output, compiled ahead
// of time for the JavaScript flavour (see src/emit/javascript/precompiled.ts). Run after `npm run compile` whenever
// a file under src/runtime/ or src/sdk/runtime/, the copy table or the TypeScript version changes;
// test/emit/javascript/precompiled.test.ts says when it is due.
import { writeFileSync, renameSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { precompiledTable } from "../dist/src/emit/javascript/precompile.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const file = path.join(root, "src", "emit", "javascript", "precompiled.json");
writeFileSync(`${file}.tmp`, `${JSON.stringify(precompiledTable(), null, 1)}\n`);
renameSync(`${file}.tmp`, file);
console.log(`wrote ${path.relative(root, file)}`);
