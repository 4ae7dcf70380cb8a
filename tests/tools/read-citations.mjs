// Reads BibTeX or RIS from standard input with citation-js, as a reference manager would, and writes the entries it
// found as CSL-JSON on standard output: the tests read the site's citation files back with it.
// Usage: node read-citations.mjs bibtex|ris < file
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";

const types = { bibtex: "@biblatex/text", ris: "@ris/file" };
const type = types[process.argv[2]];
if (!type) {
  console.error("usage: node read-citations.mjs bibtex|ris < file");
  process.exit(2);
}
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const cite = await Cite.async(Buffer.concat(chunks).toString("utf8"), { forceType: type });
process.stdout.write(JSON.stringify(cite.data, null, 2));
