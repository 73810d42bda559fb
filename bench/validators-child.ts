/** One validator measurement in a fresh process (see validators.ts): `<subject index> <is|parse> <rounds>`. */
import { measurePair } from "./validators.js";

const [index, pair, rounds] = process.argv.slice(2);
if (pair !== "is" && pair !== "parse") throw new Error(`pair must be is or parse, not ${String(pair)}`);
process.stdout.write(JSON.stringify(await measurePair(Number(index), pair, Number(rounds))));
