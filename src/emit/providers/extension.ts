import type { PlanExtension } from "../../shapes/extension.js";

/**
 * The plan extension that writes `generated/<contract>/v<N>.providers.ts` for a version whose contract lists
 * providers. Why the renderer is imported only then: it exports with the provider profiles, which loads the lint
 * engine, its rules and profiles (about 40 modules), and most contracts list none (module.ts writes nothing for them).
 */
export const providersExtension: PlanExtension = {
  name: "providers",
  async files(version) {
    if (version.contract.manifest.providers.length === 0) return new Map();
    return (await import("./module.js")).providersFiles(version);
  },
};
