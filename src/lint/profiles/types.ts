import type { ProviderProfile } from "../../config/config.js";
import type { Severity } from "../types.js";

/** A rule's setting in a profile: a severity, or a severity with options that override the rule's defaults. */
export type RuleSetting = Severity | readonly [Severity, Readonly<Record<string, unknown>>];

/** A provider profile as data: which rules run, how severe they are, and with which limits. */
export interface Profile {
  readonly id: ProviderProfile;
  readonly title: string;
  /** What the profile models on the wire. */
  readonly wire: string;
  readonly rules: Readonly<Record<string, RuleSetting>>;
}

export function defineProfile(profile: Profile): Profile {
  return profile;
}
