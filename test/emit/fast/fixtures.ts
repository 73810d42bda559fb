/** Two contracts for the bundle test and the bench: one with function formats (`uri`, `date-time`), one with 10 fields. */

export const linkAudit = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "Link audit",
  description: "A link checked by the model.",
  type: "object",
  properties: {
    url: { type: "string", format: "uri", description: "The link." },
    checked_at: { type: "string", format: "date-time", description: "When it was checked." },
  },
  required: ["url", "checked_at"],
  additionalProperties: false,
};

export const leadCard = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "Lead card",
  description: "A sales lead extracted from an email.",
  type: "object",
  properties: {
    name: { type: "string", minLength: 1, maxLength: 80, description: "Full name." },
    email: { type: "string", format: "email", description: "Email address." },
    company: { type: ["string", "null"], maxLength: 120, description: "Company, if stated." },
    score: { type: "integer", minimum: 0, maximum: 100, description: "Fit score." },
    stage: { enum: ["new", "contacted", "qualified", "lost"], description: "Pipeline stage." },
    tags: { type: "array", items: { type: "string", maxLength: 24 }, maxItems: 5, uniqueItems: true, description: "Tags." },
    phone: { type: ["string", "null"], pattern: "^\\+?[0-9 ()-]{6,20}$", description: "Phone number, if stated." },
    notes: { type: "string", maxLength: 500, description: "Free-text notes." },
    source: { enum: ["inbound", "outbound", "referral"], description: "Where the lead came from." },
    consent: { type: "boolean", description: "Whether marketing consent was given." },
  },
  required: ["name", "email", "company", "score", "stage", "tags", "phone", "notes", "source", "consent"],
  additionalProperties: false,
};
