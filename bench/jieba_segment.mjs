// The peer: @node-rs/jieba (jieba-rs) cuts the texts of a JSON Lines corpus
// into words. Prints MB/s of segmentation alone (loading excluded).
//   node bench/jieba_segment.mjs CORPUS.jsonl
import { readFileSync } from "node:fs";
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";

const texts = readFileSync(process.argv[2], "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).text);
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const jieba = Jieba.withDict(dict);
jieba.cut("预热一下分词器。", false);
const start = process.hrtime.bigint();
let words = 0;
for (const t of texts) words += jieba.cut(t, false).length;
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`jieba\t${(bytes / 1048576).toFixed(2)}\t${texts.length}\t${seconds.toFixed(3)}\t${(bytes / 1048576 / seconds).toFixed(2)}\t${words}`);
