import type { ProviderProfile } from "../../config/config.js";
import { anthropicStrict } from "./anthropic-strict.js";
import { anthropic } from "./anthropic.js";
import { geminiOpenapi } from "./gemini-openapi.js";
import { gemini } from "./gemini.js";
import { mcp } from "./mcp.js";
import { openaiStrict } from "./openai-strict.js";
import { portable } from "./portable.js";
import type { Profile } from "./types.js";

export type { Profile, RuleSetting } from "./types.js";

/** Every profile, in the order the contract manifest schema lists them. */
export const PROFILES: Readonly<Record<ProviderProfile, Profile>> = {
  "openai-strict": openaiStrict,
  anthropic,
  "anthropic-strict": anthropicStrict,
  gemini,
  "gemini-openapi": geminiOpenapi,
  mcp,
  portable,
};

export const PROFILE_IDS = Object.keys(PROFILES) as ProviderProfile[];

export function isProfileId(value: string): value is ProviderProfile {
  return Object.hasOwn(PROFILES, value);
}
