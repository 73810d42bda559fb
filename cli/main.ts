#!/usr/bin/env node
import { main } from "./run.js";
import { processIo } from "./output.js";

process.exitCode = await main(process.argv.slice(2), processIo);
