/**
 * The strictness policy: which schema findings refuse a build and which are warnings (findings.ts, the table of
 * codes; annotations.ts, what is accepted silently; keyword.ts, unknown keywords; policy.ts, config severities).
 */
export { FINDINGS, findingCode, type FindingId, type Severity } from "./findings.js";
export { applyPolicy, DEFAULT_POLICY, severityOf, type StrictPolicy } from "./policy.js";
export { classifyUnknownKeyword } from "./keyword.js";
export { isAnnotation } from "./annotations.js";
