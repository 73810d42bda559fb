import { isJsonObject, type JsonObject } from "../../ir/json.js";

/**
 * The OpenAI Responses API form of an openai-strict Chat Completions fragment: the same wire schema, one level
 * flatter. `response_format: {type: "json_schema", json_schema: {name, schema, strict}}` becomes
 * `text.format: {type: "json_schema", name, schema, strict}`, and a Chat `tools[]` entry
 * `{type: "function", function: {name, parameters, strict}}` becomes `{type: "function", name, parameters, strict}`.
 * @see https://platform.openai.com/docs/api-reference/responses/create
 */
export function responsesFragment(chat: JsonObject): JsonObject {
  const inner = chat["type"] === "function" ? chat["function"] : chat["json_schema"];
  if (!isJsonObject(inner)) throw new Error("not an openai-strict Chat Completions fragment");
  return { type: chat["type"]!, ...inner };
}
