// Reads a .bib or .ris file as citation-js does (the engine of many reference tools) and prints the CSL-JSON it
// makes of it, for the tests to compare with the seeds. Usage: node read-with-citation-js.cjs FILE bib|ris
const fs = require('node:fs');
const { Cite } = require('@citation-js/core');
require('@citation-js/plugin-bibtex');
require('@citation-js/plugin-ris');

const [file, kind] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8');
const cite = new Cite(text, { forceType: kind === 'ris' ? '@ris/file' : '@biblatex/text' });
process.stdout.write(JSON.stringify(cite.data));
