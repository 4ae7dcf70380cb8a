// Reads an OpenAPI document as an OpenAPI tool does (swagger-parser: the document against the OpenAPI schema, its
// references resolved) and checks real answers against it: each answer's body against the schema the document
// declares for its address, method, status and media type (ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses).
//   node openapi-check.mjs openapi.json answers.json
// answers.json: [{ "path": "/api/papers/{id}", "method": "get", "status": 200, "mediaType": "application/json", "body": {...} }]
// Prints one line per problem and exits 1 when there is any; prints "ok N answers" otherwise.
import { readFileSync } from 'node:fs';
import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const [documentPath, answersPath] = process.argv.slice(2);
const text = readFileSync(documentPath, 'utf8');
const problems = [];
try {
  await SwaggerParser.validate(JSON.parse(text));
} catch (error) {
  console.log(`invalid OpenAPI document: ${error.message}`);
  process.exit(1);
}
const document = await SwaggerParser.dereference(JSON.parse(text));
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
for (const format of ['int32', 'int64', 'float', 'double']) ajv.addFormat(format, true);

const answers = answersPath ? JSON.parse(readFileSync(answersPath, 'utf8')) : [];
for (const answer of answers) {
  const where = `${answer.method.toUpperCase()} ${answer.path} ${answer.status} ${answer.mediaType}`;
  const schema = document.paths?.[answer.path]?.[answer.method]?.responses?.[String(answer.status)]?.content?.[answer.mediaType]?.schema;
  if (!schema) {
    problems.push(`${where}: not declared in the document`);
    continue;
  }
  const validate = ajv.compile(schema);
  if (!validate(answer.body)) {
    problems.push(`${where}: ${ajv.errorsText(validate.errors)}`);
  }
}
for (const problem of problems) console.log(problem);
if (problems.length === 0) console.log(`ok ${answers.length} answers`);
process.exit(problems.length === 0 ? 0 : 1);
