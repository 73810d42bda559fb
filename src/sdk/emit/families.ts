import type { CompiledVersion } from "../../shapes/compiled.js";
import type { ProviderProfile } from "../../config/config.js";
import { exportVersion } from "../../export/export.js";

/**
 * Which profile each provider family's requests are sent with, in order of preference: a strict profile first,
 * since its lowering (optional fields sent as `null`) is the one that changes values. The one place this is
 * decided, so a toolset's `tools` arrays and its bindings' normalizers always agree.
 */
export const FAMILY_PROFILES: readonly (readonly [family: "openai" | "anthropic" | "gemini" | "mcp", profiles: readonly ProviderProfile[]])[] = [
  ["openai", ["openai-strict"]],
  ["anthropic", ["anthropic-strict", "anthropic"]],
  ["gemini", ["gemini", "gemini-openapi"]],
  ["mcp", ["mcp"]],
];

export type ProviderFamilyName = (typeof FAMILY_PROFILES)[number][0];

/** The profile a contract version is sent with for a family, if it lists one that exports a fragment. */
export function familyProfile(version: CompiledVersion, family: ProviderFamilyName): { profile: ProviderProfile; normalizes: boolean } | undefined {
  const listed = version.contract.manifest.providers;
  const profiles = FAMILY_PROFILES.find(([f]) => f === family)?.[1] ?? [];
  const profile = profiles.find((p) => listed.includes(p));
  if (profile === undefined) return undefined;
  const e = exportVersion(version, profile);
  if (e.fragment === undefined) return undefined;
  return { profile, normalizes: e.plan !== undefined };
}
