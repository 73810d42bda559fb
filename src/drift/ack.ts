/**
 * Acknowledgements: known, intended breaks that are shown but do not fail the gate. Keyed by rule id + contract +
 * versions + pointer (never by message text, which may be reworded), each with a reason and an optional expiry.
 * File: `<schemasDir>/drift-acknowledgements.json`, its JSON Schema is `src/drift/acknowledgements.schema.json`.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { displayPath, type Project } from "../config/config.js";
import { inputError } from "../errors.js";
import { isJsonObject } from "../ir/json.js";
import { readDocument } from "../load/read.js";
import { assertInsideRoot } from "../contain/real-path.js";

export const ACK_FILE = "drift-acknowledgements.json";

export interface Acknowledgement {
  readonly contract: string;
  readonly from: number;
  readonly to: number;
  readonly rule: string;
  readonly pointer: string;
  readonly reason: string;
  /** ISO date (YYYY-MM-DD); after it the entry no longer applies. */
  readonly expires?: string;
}

export interface AckKey {
  readonly contract: string;
  readonly from: number;
  readonly to: number;
  readonly rule: string;
  readonly pointer: string;
}

const FIELDS = new Set(["contract", "from", "to", "rule", "pointer", "reason", "expires"]);

export function loadAcknowledgements(project: Project): Acknowledgement[] {
  const file = path.join(project.schemasDir, ACK_FILE);
  if (!existsSync(file)) return [];
  const display = displayPath(project.rootDir, file);
  assertInsideRoot(project.rootDir, file, display);
  const doc = readDocument(file, display);
  const list = isJsonObject(doc.value) ? doc.value["acknowledgements"] : undefined;
  if (!Array.isArray(list)) throw inputError("drift.ack-invalid", { file: display }, 'expected {"acknowledgements": [...]}');
  return list.map((entry, i) => {
    const at = { file: display, pointer: `/acknowledgements/${i}`, ...doc.locate(`/acknowledgements/${i}`) };
    const ok =
      isJsonObject(entry) &&
      Object.keys(entry).every((k) => FIELDS.has(k)) &&
      typeof entry["contract"] === "string" &&
      Number.isInteger(entry["from"]) &&
      Number.isInteger(entry["to"]) &&
      typeof entry["rule"] === "string" &&
      typeof entry["pointer"] === "string" &&
      typeof entry["reason"] === "string" &&
      entry["reason"].trim().length > 0 &&
      (entry["expires"] === undefined || (typeof entry["expires"] === "string" && /^\d{4}-\d{2}-\d{2}$/.test(entry["expires"])));
    if (!ok) {
      throw inputError("drift.ack-invalid", at, "an acknowledgement needs contract, from, to, rule, pointer and a non-empty reason (optional expires: YYYY-MM-DD)");
    }
    return entry as unknown as Acknowledgement;
  });
}

export function findAcknowledgement(acks: readonly Acknowledgement[], key: AckKey, today = new Date().toISOString().slice(0, 10)): Acknowledgement | undefined {
  return acks.find(
    (a) =>
      a.contract === key.contract && a.from === key.from && a.to === key.to && a.rule === key.rule && a.pointer === key.pointer &&
      (a.expires === undefined || a.expires >= today),
  );
}
