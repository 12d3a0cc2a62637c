// Every article's N-Quads and JSON-LD load into Oxigraph with no error and no
// dropped quad, and no output holds a private-use character (an internal
// placeholder of the rules).
//   node tests/clients/oxigraph_load.mjs DOC2KG WORKDIR ARTICLE...
// Prints one line per failure and a summary; exits 1 on any failure.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import oxigraph from "oxigraph";

const [doc2kg, work, ...articles] = process.argv.slice(2);
const failures = [];
const privateUse = /[\uE000-\uF8FF]/u;
let quads = 0;
for (const [i, article] of articles.entries()) {
  const out = {};
  for (const ext of ["nq", "jsonld", "graphml", "dot"]) {
    const path = `${work}/article-${i}.${ext}`;
    execFileSync(doc2kg, ["convert", article, "-o", path]);
    out[ext] = readFileSync(path, "utf8");
    if (privateUse.test(out[ext])) failures.push(`${article}: private-use character in .${ext}`);
  }
  const lines = new Set(out.nq.split("\n").filter(Boolean));
  const fromNquads = new oxigraph.Store();
  try {
    fromNquads.load(out.nq, { format: "application/n-quads" });
  } catch (e) {
    failures.push(`${article}: N-Quads rejected: ${e}`);
    continue;
  }
  if (fromNquads.size !== lines.size) failures.push(`${article}: N-Quads ${lines.size} lines, ${fromNquads.size} loaded`);
  // JSON-LD has no graph name: compare triples with the N-Quads' triples.
  const fromJsonld = new oxigraph.Store();
  try {
    fromJsonld.load(out.jsonld, { format: "application/ld+json", base_iri: "https://doc2kg.org/" });
  } catch (e) {
    failures.push(`${article}: JSON-LD rejected: ${e}`);
    continue;
  }
  // Both read back through Oxigraph, the same triples (terms as Oxigraph writes them).
  const triplesOf = (store) => new Set(store.match().map((q) => `${q.subject} ${q.predicate} ${q.object}`));
  const a = triplesOf(fromNquads), b = triplesOf(fromJsonld);
  const onlyNquads = [...a].filter((t) => !b.has(t)), onlyJsonld = [...b].filter((t) => !a.has(t));
  if (onlyNquads.length || onlyJsonld.length)
    failures.push(`${article}: ${onlyNquads.length} triples only in N-Quads (${onlyNquads.slice(0, 2).join(" | ")}), ` +
      `${onlyJsonld.length} only in JSON-LD (${onlyJsonld.slice(0, 2).join(" | ")})`);
  quads += lines.size;
}
for (const f of failures) console.log("FAIL", f);
console.log(`oxigraph: ${articles.length} articles, ${quads} quads, ${failures.length} failures`);
process.exit(failures.length ? 1 : 0);
