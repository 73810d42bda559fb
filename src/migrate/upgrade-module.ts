/**
 * `generated/<contract>/upgrade.ts`: the upgrade chain to the latest version, wired to the user's migrations.
 * Imports only generated modules and the migration modules (relative `.js` specifiers computed from the project
 * layout), so it runs the same in a browser bundle and in Node.
 */
import path from "node:path";
import { displayPath, type Project } from "../config/config.js";
import type { ContractSource } from "../discover/discover.js";
import { stringLiteral } from "../emit/codegen/escape.js";
import { renderModule } from "../emit/codegen/module.js";
import { latestNames, upgradeNames, versionNames } from "../emit/modules/names.js";
import { importSpecifier, migrationSettings, migrationSteps } from "./layout.js";

export function renderUpgradeModule(project: Project, contract: ContractSource): string {
  const settings = migrationSettings(project, contract);
  const self = path.join(project.outDir, contract.name, "upgrade.ts");
  const versions = contract.versions.map((v) => v.version);
  const latest = versions[versions.length - 1]!;
  const names = upgradeNames(contract.name);
  const latestType = versionNames(contract.name, latest).type;
  const steps = migrationSteps(project, contract, settings);
  const imports = [
    `import { runUpgrade, type UpgradeResult, type UpgradeStep } from "../_runtime.js";`,
    ...versions.map((v) => {
      const n = versionNames(contract.name, v);
      return `import { ${n.parse}${v === latest ? `, type ${n.type}` : ""} } from ${stringLiteral(`./v${v}.js`)};`;
    }),
    ...steps.map((s) => `import { ${s.functionName} } from ${stringLiteral(importSpecifier(self, s.file))};`),
  ];
  const table = versions.map((v) => {
    const step = steps.find((s) => s.from === v);
    return `  { version: ${v}, parse: ${versionNames(contract.name, v).parse}${step !== undefined ? `, migrate: ${step.functionName}` : ""} },`;
  });
  const field = settings.versionField !== undefined ? `{ versionField: ${stringLiteral(settings.versionField)} }` : "{}";
  const body = [
    [
      `/** A version of ${contract.name}: ${versions.map((v) => `v${v}`).join(", ")}. */`,
      `export type ${names.version} = ${versions.join(" | ")};`,
      ``,
      `/** Each version's parser and the migration to the next one, oldest first. */`,
      `export const ${names.steps}: readonly UpgradeStep[] = [`,
      ...table,
      `];`,
      ``,
      `const options = ${field};`,
    ].join("\n"),
    [
      `/**`,
      ` * Upgrades a ${contract.name} document to the latest version (v${latest}), validating it as version \`from\` first`,
      ` * and after every migration step. Without \`from\`, the version is ${settings.versionField !== undefined ? "read from the version field" : "the newest one whose validator accepts the value"};`,
      ` * \`fromVersion\` and \`detectedBy\` say which was chosen.`,
      ` */`,
      `export function ${names.upgrade}(value: unknown, from?: ${names.version}): UpgradeResult<${latestType}> {`,
      `  return runUpgrade<${latestType}>(${stringLiteral(contract.name)}, ${names.steps}, value, from, options);`,
      `}`,
      ``,
      `/** Accepts a document of any version and returns it as the latest (${latestNames(contract.name).type}), or classified errors. */`,
      `export function ${names.parseAny}(value: unknown): UpgradeResult<${latestType}> {`,
      `  return runUpgrade<${latestType}>(${stringLiteral(contract.name)}, ${names.steps}, value, undefined, options);`,
      `}`,
    ].join("\n"),
  ];
  return renderModule({ source: `${displayPath(project.rootDir, contract.dir)} (upgrade chain)`, imports, body });
}
