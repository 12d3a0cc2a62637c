// The JavaScript clients: jsonld.js reads doc2kg's JSON-LD to the triples of
// its N-Quads; Oxigraph loads the N-Quads and answers SPARQL; Kuzu loads the
// Neo4j CSV and answers the same question in Cypher.
//   node tests/clients/node_clients.mjs DOC2KG ARTICLE WORKDIR
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import jsonld from "jsonld";
import oxigraph from "oxigraph";

const require = createRequire(import.meta.url);
const kuzu = require("kuzu");
const [doc2kg, article, work] = process.argv.slice(2);
const failures = [];
const expected = ["先进材料", "医养健康", "智能制造"];  // the sample's leading industries

for (const ext of ["jsonld", "nq"]) execFileSync(doc2kg, ["convert", article, "-o", `${work}/sample.${ext}`]);
rmSync(`${work}/neo4j`, { recursive: true, force: true });
execFileSync(doc2kg, ["convert", article, "--format", "neo4j-csv", "-o", `${work}/neo4j`]);

// jsonld.js: JSON-LD -> N-Quads, compared line by line with doc2kg's quads (graph dropped).
const doc = JSON.parse(readFileSync(`${work}/sample.jsonld`, "utf8"));
const fromJsonld = new Set((await jsonld.toRDF(doc, { format: "application/n-quads" })).split("\n").filter(Boolean));
const fromNquads = new Set(readFileSync(`${work}/sample.nq`, "utf8").split("\n").filter(Boolean)
  .map((l) => l.replace(/ <[^>]*> \.$/, " .")));
const onlyJsonld = [...fromJsonld].filter((t) => !fromNquads.has(t));
const onlyNquads = [...fromNquads].filter((t) => !fromJsonld.has(t));
if (onlyJsonld.length || onlyNquads.length || fromJsonld.size < 100)
  failures.push(`jsonld.js: ${onlyJsonld.length} triples only from JSON-LD, ${onlyNquads.length} only in N-Quads: ` +
    `${onlyJsonld.slice(0, 2).join(" | ")} / ${onlyNquads.slice(0, 2).join(" | ")}`);

// Oxigraph: load the N-Quads, ask for the leading industries of 槐荫区.
const store = new oxigraph.Store();
store.load(readFileSync(`${work}/sample.nq`, "utf8"), { format: "application/n-quads" });
const rows = store.query(`PREFIX s: <https://schema.org/> PREFIX v: <https://doc2kg.org/vocab#>
  SELECT DISTINCT ?name WHERE { GRAPH ?g { ?d s:name "槐荫区" ; v:leadingIndustry ?i . ?i s:name ?name } } ORDER BY ?name`);
const sparql = rows.map((b) => b.get("name").value);
if (JSON.stringify(sparql) !== JSON.stringify(expected)) failures.push(`oxigraph: ${JSON.stringify(sparql)}`);

// Kuzu: the Neo4j bulk-import CSV, then Cypher.
rmSync(`${work}/kuzu.db`, { recursive: true, force: true });
const db = new kuzu.Database(`${work}/kuzu.db`);
const conn = new kuzu.Connection(db);
await conn.query(`CREATE NODE TABLE Node(id STRING, label STRING, name STRING, aliases STRING, value DOUBLE,
  unit STRING, measure STRING, period STRING, qualifier STRING, investment DOUBLE, title STRING, date STRING,
  author STRING, source STRING, PRIMARY KEY(id))`);
await conn.query(`CREATE REL TABLE Rel(FROM Node TO Node, type STRING, article STRING, sentence STRING,
  start_offset INT64, end_offset INT64, rule STRING, confidence DOUBLE, evidence_count INT64)`);
await conn.query(`COPY Node FROM '${work}/neo4j/nodes.csv' (HEADER=true, ESCAPE='"')`);
await conn.query(`COPY Rel FROM '${work}/neo4j/relationships.csv' (HEADER=true, ESCAPE='"')`);
const result = await conn.query(`MATCH (d:Node)-[r:Rel]->(i:Node) WHERE d.name = '槐荫区' AND r.type = 'leadingIndustry'
  RETURN i.name AS name ORDER BY name`);
const cypher = (await result.getAll()).map((r) => r.name);
if (JSON.stringify(cypher) !== JSON.stringify(expected)) failures.push(`kuzu: ${JSON.stringify(cypher)}`);

for (const f of failures) console.log("FAIL", f);
console.log(`node clients: ${fromJsonld.size} triples; SPARQL ${JSON.stringify(sparql)}; Cypher ${JSON.stringify(cypher)}`);
process.exit(failures.length ? 1 : 0);
