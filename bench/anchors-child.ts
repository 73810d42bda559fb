/** One subject of the anchors bench in a fresh process (see anchors.ts): `<subject index> <rounds>`. */
import { measureSubject } from "./anchors.js";

const [index, rounds] = process.argv.slice(2);
process.stdout.write(JSON.stringify(await measureSubject(Number(index), Number(rounds))));
